# es: the exercises' pages: forms, buttons, their states and hints
