# en-US: the exercises' pages: forms, buttons, their states and hints
