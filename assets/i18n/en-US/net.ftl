# en-US: the servers' and clients' log lines (the window's Output, the command line's lines)
