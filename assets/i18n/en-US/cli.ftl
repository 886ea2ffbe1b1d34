# en-US: the command line: its messages, errors and hints
