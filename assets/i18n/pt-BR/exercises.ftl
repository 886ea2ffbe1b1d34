# pt-BR: the exercises' pages: forms, buttons, their states and hints
