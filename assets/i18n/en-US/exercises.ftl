# en-US: the exercises' pages: forms, buttons, their states and hints

## Every exercise page: the two forms, their common rows and buttons

# The heading of the server's form, and of the client's.
ex-server = Server
ex-client = Client
ex-start-server = ▶ Start server
ex-stop-server = ⏹ Stop server
ex-send = ✉ Send
ex-server-address = Server address
ex-bind-address = Bind address
ex-bind-all-ipv4 = All interfaces (0.0.0.0)
ex-bind-loopback = This computer only (127.0.0.1)
ex-bind-all-ipv6 = IPv6, all interfaces (::)
ex-bind-loopback-note = Only this computer can reach it.
ex-port = Port
ex-port-privileged = Below 1024 needs administrator rights.
# A collapsible list of the addresses other machines can use, each with a Copy button.
ex-reach-at = Reach this server at
ex-copy = Copy
# The handle under a resizable pane, for screen readers; $name is the pane's name.
ex-resize = Resize { $name }

## A number typed in a form field; $min and $max are the range's ends, $typed what was typed

ex-number-empty = type a number from { $min } to { $max }
ex-number-out-of-range = { $typed } is out of range: { $min } to { $max }
ex-number-not-a-number = "{ $typed }" is not a number: type { $min } to { $max }

## File dialogs: why none opened (shown beside the field it was for)

ex-dialog-not-opened = Could not open a file dialog; type the path instead.
ex-dialog-none = No file dialog is available on this desktop (no XDG portal or zenity); type the path instead.
ex-dialog-failed = The file dialog failed; type the path instead.

## Network conditions (simulated), on every UDP exercise

# The section's title; $conditions lists what is applied (loss, delay...).
ex-net-title = Network conditions (simulated): { $conditions }
ex-net-title-none = Network conditions (simulated): none
ex-net-hint = socklab impairs its own datagrams: what this window's server and client send (and receive, if asked). They apply from the next start.
ex-net-loss = Loss (%)
ex-net-duplicate = Duplicate (%)
ex-net-reorder = Reorder (%)
ex-net-delay = Delay (ms)
ex-net-jitter = Jitter (ms)
ex-net-also-receive = Also on receive
ex-net-fixed-seed = Fixed seed
ex-net-seed-hint = The same seed drops the same datagrams each run
# What the simulator did to each side's datagrams; $counts is the counters' line.
ex-net-server-counts = Server: { $counts }
ex-net-client-counts = Client: { $counts }

## Add two numbers (tcp-add, udp-add)

ex-add-server-name = Server name
ex-add-server-number = Server number
ex-add-random = Random at each start
ex-add-stop-out-of-range = Stop when a number is out of range (lab rule)
# $chars: the characters of the name that clients may split on, quoted.
ex-add-name-risky = The name contains { $chars }: clients that split replies on it will misread the name.
# Beside Stop server while it runs.
ex-add-number-this-run = number this run: { $number }
# The server's latest exchange, in large type.
ex-add-latest = Latest: { $client } { $client_number } + { $server } { $server_number } = { $sum }
ex-add-latest-from = from { $peer }
# The server's totals; $names, $links, $requests and $open (connections open now) are counts, $*_shown the numbers written out.
ex-add-clients-tcp =
    { $names ->
        [one] { $names_shown } name
       *[other] { $names_shown } names
    }, { $links ->
        [one] { $links_shown } connection
       *[other] { $links_shown } connections
    }, { $requests ->
        [one] { $requests_shown } request
       *[other] { $requests_shown } requests
    } · { $open } open now
ex-add-clients-udp =
    { $names ->
        [one] { $names_shown } name
       *[other] { $names_shown } names
    }, { $links ->
        [one] { $links_shown } address
       *[other] { $links_shown } addresses
    }, { $requests ->
        [one] { $requests_shown } request
       *[other] { $requests_shown } requests
    }
# One client's row: its IP address and every port it came from.
ex-add-client-ports = { $ip } ports { $ports }
ex-add-requests =
    { $count ->
        [one] { $shown } request
       *[other] { $shown } requests
    }
ex-add-client-name = Client name
ex-add-client-number = Client number
ex-add-format = Message format
ex-add-template = Template
ex-add-number-invalid = Enter a whole number from { $min } to { $max }.
ex-add-number-outside = { $number } is outside { $min } to { $max }: a lab server that follows the handout closes without a reply and stops (its shutdown).
ex-add-name-missing = Enter a name: the handout's client sends one with its number.
# $preview: the messages the client will send, quoted.
ex-add-will-send = Will send: { $preview }
# Joins two of the messages sent one after the other.
ex-add-then = { $first } then { $next }
ex-add-nothing-to-send = Nothing to send until the form is right.
# The result card.
ex-add-clients-name = Client's name
ex-add-servers-name = Server's name
ex-add-numbers = Numbers
ex-add-sum = Sum
ex-add-sum-agrees = the server's sum { $sum } agrees
ex-add-sum-said = the server said { $sum }
ex-add-sum-in-range = both numbers in 1..100
ex-add-sum-out-of-range = the server's number is outside 1..100

## File transfer (tcp-file, udp-file, tftp)

ex-file-shared-folder = Shared folder
ex-file-choose-folder = Choose folder…
ex-file-home-warning = This is your home folder: every file in it is offered to anyone who can reach this computer. A folder of its own (socklab-share) is safer.
ex-file-serve-hidden = Serve hidden files
ex-file-serve-hidden-hint = Names with a part that starts with a dot (.ssh/id_rsa, lab/.git/config); off, they are refused: anyone on the network could ask for them
ex-file-accept-uploads = Accept uploads
ex-file-accept-uploads-hint = Write requests save new files in the shared folder; an existing file is never replaced
ex-file-send-rate = Send rate (MiB/s)
ex-file-send-rate-hint = UDP has no flow control: sending faster than the client reads loses datagrams.
ex-file-rate-warning = Faster than { $rate } MiB/s, a student's client with default buffers can lose datagrams without knowing: its file comes out short.
# A transfer the server runs, named by its peer.
ex-file-to-peer = to { $peer }
ex-file-throughput-ended = Throughput of the last transfer, to { $peer } (ended)
ex-file-throughput-to = Throughput to { $peer }
ex-file-shared-files = Shared files ({ $count })
ex-file-use-name-hint = Use this name in the client form
ex-file-direction = Direction
ex-file-download = download
ex-file-upload = upload
ex-file-remote-name = Remote file name
ex-file-window = Window (blocks)
ex-file-window-hint = Blocks sent before an ACK (RFC 7440); 1 is plain TFTP
ex-file-to-send = File to send
ex-file-save-as = Save as
ex-file-choose = Choose file…
ex-file-save-as-button = Save as…
ex-file-remote-missing = Enter the name of the file on the server.
ex-file-to-send-missing = Choose the file to send.
ex-file-save-as-missing = Choose where to save it.
ex-file-upload-button = ⬆ Upload
ex-file-download-button = ⬇ Download
ex-file-exists = { $path } already exists.
ex-file-overwrite = Overwrite
ex-file-keep = Keep it
ex-file-tftp-note = TFTP numbers and acknowledges every block, and sends a lost one again: the file arrives whole or not at all.
ex-file-udp-note = The UDP lab protocol has no sequence numbers: lost datagrams cannot be detected, only a stalled transfer.
# The client's transfer, before its progress numbers.
ex-file-uploading = uploading
ex-file-sent = sent
ex-file-downloading = downloading
ex-file-received = received
ex-file-upload-throughput = Upload throughput
ex-file-download-throughput = Download throughput
# The result card: the file sent, or saved.
ex-file-sent-label = Sent
ex-file-saved-label = Saved
ex-file-size = Size
# $count the file's size in bytes, $shown the same number written out, $human it in KiB/MiB.
ex-file-size-value =
    { $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    } ({ $human })
ex-file-warning = Warning
ex-file-compare-files = Compare files
ex-file-compare-hint = Like diff or fc: are the sent and received files the same?
ex-file-compare-a = File A
ex-file-compare-b = File B
ex-file-browse-a = Browse A…
ex-file-browse-b = Browse B…
ex-file-compare = Compare
ex-file-comparing = comparing…
ex-file-compare-stopped = the comparison stopped unexpectedly
# The throughput chart's tooltip; $peak and $end are numbers already written (1.5).
ex-file-chart-hint =
    { $title }: peak { $peak } MiB/s over { $end } s ({ $count ->
        [one] { $count } sample
       *[other] { $count } samples
    })
# A transfer's progress: $label what it is (downloading, to a peer), $size, $pieces, $rate, $time.
ex-file-progress = { $label }: { $size } · { $pieces } · { $rate } · { $time }
ex-file-blocks =
    { $count ->
        [one] { $shown } block
       *[other] { $shown } blocks
    }
ex-file-datagrams =
    { $count ->
        [one] { $shown } datagram
       *[other] { $shown } datagrams
    }
# $count datagrams or blocks sent again, $resent the same number written out.
ex-file-progress-resent = { $progress } · { $resent } sent again

## Echo and Uppercase (tcp-echo, udp-echo, tcp-upper, udp-upper)

ex-echo-stop-words = Stop words
ex-echo-stop-words-hint = Comma-separated; case and surrounding spaces are ignored.
# The server's totals: $open sessions open now, $answered messages answered, $seen sessions (clients) since the start; $*_shown those numbers written out.
ex-echo-sessions-tcp =
    Open sessions: { $open } · { $answered ->
        [one] { $answered_shown } message
       *[other] { $answered_shown } messages
    } answered · { $seen ->
        [one] { $seen_shown } session
       *[other] { $seen_shown } sessions
    } since the start
ex-echo-clients-udp =
    Clients heard from: { $open } · { $answered ->
        [one] { $answered_shown } message
       *[other] { $answered_shown } messages
    } answered · { $seen ->
        [one] { $seen_shown } client
       *[other] { $seen_shown } clients
    } since the start
# One open session: its peer and the messages it sent.
ex-echo-session =
    { $peer } · { $count ->
        [one] { $shown } message
       *[other] { $shown } messages
    }
ex-echo-message = Message
ex-echo-too-big = A UDP datagram carries at most { $max } bytes.
ex-echo-cookbook = Cookbook test
ex-echo-cookbook-hint = Send "{ $message }" in a new session and read the echo in { $bytes }-byte receives
ex-echo-disconnect = Disconnect
ex-echo-close-socket = Close socket
ex-echo-clear-chat = Clear chat
ex-echo-conversation =
    Conversation ({ $count ->
        [one] { $shown } reply
       *[other] { $shown } replies
    })
# The chat: what the client sent, and the server's reply.
ex-echo-you = you →
ex-echo-server = ← server
ex-echo-bytes =
    ({ $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    })
# A reply that came in several receives; $segments lists each one's size.
ex-echo-bytes-in =
    ({ $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    } in { $receives } receives: { $segments })

## Guess the number (udp-guess)

ex-guess-secret = Secret
ex-guess-random = Random per game
ex-guess-replies = Replies
ex-guess-games-won =
    { $count ->
        [one] { $shown } game won
       *[other] { $shown } games won
    }
ex-guess-show-secret = Show secret
ex-guess-show-secret-hint = The server's output shows each game's secret (not on a projector!)
ex-guess-your-guess = Your guess
ex-guess-pause = Auto-play pause
ex-guess-pause-hint = Seconds between Auto-play's guesses; 0 plays at once
ex-guess-guess = Guess
ex-guess-auto-play = Auto-play
ex-guess-auto-play-hint = Halve the range each time: at most 7 guesses for 1..99
ex-guess-new-game = New game
ex-guess-count = Guesses: { $count }
ex-guess-count-won = Guesses: { $count } · found it!
ex-guess-not-a-number = (not a number)
