# en-US: the command line: its messages, errors and hints

## Failures and warnings on stderr ($message: what failed, an err- message or a runner's line)

cli-error = error: { $message }
cli-error-hint = error: { $message } (hint: { $hint })
cli-warning = warning: { $message }
# $text: the value given, quoted ("0")
cli-not-seconds = { $text } is not a positive number of seconds
cli-udp-only = the network simulator (--loss, --duplicate, --reorder, --delay, --jitter) impairs UDP datagrams only; TCP repairs loss itself
cli-stdin-failed = cannot read standard input
# $reason: the window system's error
cli-window-failed = error: cannot open the window: { $reason }
cli-window-not-made = the window library stopped before it made a window
cli-window-hint = hint: a subcommand runs without a window; see `socklab --help`
cli-no-window = error: this socklab was built without the window (feature "gui"); see `socklab --help`

## The capture --pcap writes

cli-capture-failed = cannot write the capture { $path }: { $reason }
cli-capture-stopped = warning: the capture { $path } stopped: { $reason }; what was written opens
cli-capture-done = capture: { $count } packets in { $path }

## A transfer's progress line on a terminal ($size, $rate: "1.5 MiB", "812.4 KiB/s"; $time: seconds such as "2.5")

cli-progress = { $size }  { $count } blocks/datagrams  { $rate }  { $time } s

## The human lines of a runner's events on stdout

cli-listening = listening on { $local } ({ $transport }); reachable at { $reach }
cli-accepted = connection from { $peer }
# after "-> 127.0.0.1:5000 " or "<- 127.0.0.1:5000 "; $text: the bytes, escaped
cli-bytes-quoted = { $count } bytes "{ $text }"
cli-dropped = { $count } bytes "{ $text }" dropped by the simulator
cli-closed = closed { $peer }: { $reason }
cli-new-game = new game; the secret is { $secret }
cli-add-exchange = Client's name: { $client_name }
    Server's name: { $server_name }
    Client's number: { $client_number }
    Server's number: { $server_number }
    Sum: { $sum }
cli-add-sum-right = (the server says { $sum } ✓)
cli-add-sum-wrong = (the server says { $sum }: wrong)
cli-sending = Sending { $text }
cli-received = Received: { $text }
# a guess that was not a number
cli-not-a-number = (not a number)
# a client's guess, before " -> HIGHER"; $count: how many guesses so far
cli-guess-client = guess { $count }: { $guess }
# a server's view, after "127.0.0.1:5000: " and before " -> HIGHER"
cli-guess-server = guess { $guess }
