# es: the command line: its messages, errors and hints
