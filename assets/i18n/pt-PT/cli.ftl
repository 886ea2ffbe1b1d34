# pt-PT: the command line: its messages, errors and hints
