# en-US: the servers' and clients' log lines (the window's Output, the command line's lines)

## Counted things ($n: the number with its thousands separated; $count: the same number, for the plural)
net-n-requests = { $n } { $count ->
    [one] request
   *[other] requests
}
net-n-sessions = { $n } { $count ->
    [one] session
   *[other] sessions
}
net-n-bytes = { $n } { $count ->
    [one] byte
   *[other] bytes
}
net-n-datagrams = { $n } { $count ->
    [one] datagram
   *[other] datagrams
}
net-n-messages = { $n } { $count ->
    [one] message
   *[other] messages
}
net-n-transfers = { $n } { $count ->
    [one] transfer
   *[other] transfers
}

## Every server and client
# $requests: net-n-requests; $reason: why it stopped
net-server-stopped-because-served = server stopped: { $reason }; served { $requests }
net-server-stopped-served = server stopped; served { $requests }
net-listening-socket-closed = listening socket { $local } closed
net-socket-closed = socket { $local } closed
# Why a connection ended ($error: the system's words)
net-send-failed = send failed: { $error }
net-receive-failed = receive failed: { $error }
net-socket-error = socket error: { $error }
net-closed-by-client = closed by the client
net-closed-by-server = closed by the server
net-idle-for = idle for { $secs } s
net-incomplete-request = incomplete request
net-request-unreadable = unreadable request
net-request-too-large = request too large
# $text: the bytes received, escaped
net-closed-mid-request = connection closed in the middle of a request: "{ $text }"
net-incomplete-request-after = incomplete request after { $secs } s: "{ $text }"
# $why: what the parser found wrong
net-request-unreadable-because = cannot understand the request ({ $why }): "{ $text }"
net-request-too-large-text = request larger than { $max } bytes: "{ $text }…"
net-request-too-large-ignored = request larger than { $max } bytes, ignored: "{ $text }…"
net-datagram-unreadable-ignored = cannot understand the datagram ({ $why }), ignored: "{ $text }"
net-reply-unreadable-because = cannot understand the reply ({ $why }): "{ $text }"
net-reply-unreadable = cannot understand the reply: "{ $text }"
net-reply-too-large = reply larger than { $max } bytes
# A client's run stopped by the user
net-cancelled = cancelled
# What the system could not do (an error follows: "…: the system's words")
net-cannot-read-peer-address = cannot read the peer address
net-cannot-read-local-address = cannot read the local address
net-cannot-send-to = cannot send to { $peer }
net-receive-from-failed = receive from { $peer } failed
net-socket-error-context = socket error

## Add two numbers (tcp-add, udp-add)
# $peer sent $number, outside the range $min..$max
net-add-out-of-range = { $peer } sent { $number }, outside { $min }..{ $max } (lab rule)
net-add-out-of-range-number = out-of-range number
# $chars: the separator characters, quoted
net-add-name-clash = the server name contains { $chars }, which this client's format uses as a separator: its parser may misread the reply
net-add-waiting-connections = server "{ $name }" with number { $number } waiting for connections on { $local }
net-add-waiting-datagrams = server "{ $name }" with number { $number } waiting for datagrams on { $local }
# $reason: net-add-out-of-range
net-add-no-reply-closing-stopping = { $reason }: no reply; closing the connection and stopping the server
net-add-no-reply-closed-running = { $reason }: no reply, connection closed; the server keeps running
net-add-no-reply-stopping = { $reason }: no reply; stopping the server
net-add-no-reply-running = { $reason }: no reply; the server keeps running
net-add-empty-datagram = empty datagram: nothing to add, ignored
net-add-extra-bytes-ignored = ignored { $n } extra bytes after the request
net-add-too-many-pending = too many half-received requests; dropped this one
net-add-waiting-rest = waiting for the rest of the request (the number?)
# The client: the server sent $number, which is the sum of $own_number (the client's) and $theirs
net-add-read-as-sum = the server sent { $number }, outside { $min }..{ $max }: read as the sum ({ $number } - { $own_number } = { $theirs })
net-add-wrong-sum = the server reports the sum { $said }, but { $a } + { $b } = { $sum }
# The client's last line: $a its number, $b the server's, $said the sum the server sent
net-add-sum = { $a } + { $b } = { $sum }
net-add-sum-confirmed = { $a } + { $b } = { $sum } (the server says { $said } ✓)
net-add-sum-wrong = { $a } + { $b } = { $sum } (the server says { $said }: wrong, it is { $sum })
# $quiet: a duration ("1 s")
net-add-reply-no-number = cannot understand the reply (no number in it after { $quiet } of quiet): "{ $text }"
net-add-closed-out-of-range = the server closed the connection without replying, as a lab server does when the number ({ $number }) is out of range
net-add-closed-incomplete-reply = the server closed the connection after an incomplete reply: "{ $text }"
net-add-no-reply-as-expected = no reply, as expected: a lab server stops without replying when the number ({ $number }) is out of range
net-not-connected = not connected
# A connection closed from the window, or by its server's stop
net-closed-from-window = closed by the server (from the window)
net-server-stopping = server stopping
# $ended: why the client ended (net-echo-stop-word-sent, net-echo-no-more-messages…)
net-ended-closed-by-server = { $ended }; closed by the server
net-ended-closed-by-client = { $ended }; closed by the client

## Echo and uppercase (tcp-echo, udp-echo, tcp-upper, udp-upper)
# $service: echo or upper; $local: the address it listens on
net-echo-starting = starting up { $service } server on { $local }; waiting to receive messages from clients
# $bytes: net-n-bytes; $peer: the client's address as Python writes it ('127.0.0.1', 5000)
net-echo-received-from = received { $bytes } from { $peer }
net-echo-sent-back = sent { $bytes } back to { $peer }
net-echo-stop-word-closed = stop word received; closed by the server
net-echo-cannot-answer = cannot answer: { $error }
net-echo-stop-word-udp = stop word received (UDP has no connection to close)
# $datagrams: net-n-datagrams
net-server-stopped-answered = server stopped; answered { $datagrams }
net-echo-disconnected = disconnected
net-echo-stopped = stopped
net-echo-no-more-messages = no more messages
net-echo-stop-word-sent = stop word sent
net-echo-empty-message-tcp = an empty message sends nothing over TCP; skipped
net-echo-closed-after-reply-reconnecting = the server closed the connection after the last reply; reconnecting
net-echo-closed-reconnecting = the server closed the connection; reconnecting
net-echo-closed-twice = the server closed the connection without replying, twice
# The client's last line: $messages: net-n-messages
net-echo-answered = { $messages } answered; { $ended }
net-echo-too-large-for-datagram = { $n } bytes do not fit one UDP datagram (at most { $max }); skipped

## Guess the number (udp-guess)
net-n-tries = { $n } { $count ->
    [one] try
   *[other] tries
}
net-n-guesses = { $n } { $count ->
    [one] guess
   *[other] guesses
}
net-n-games = { $n } { $count ->
    [one] game
   *[other] games
}
# $replies: the words the server answers with (HIGHER / LOWER / CORRECT)
net-guess-starting = guess the number: a secret from { $min } to { $max } per client; replies { $replies }
net-guess-not-a-number = not a number: "{ $text }"
net-guess-cannot-reply = cannot reply: { $error }
# $tries: net-n-tries
net-guess-guessed-new-game = guessed in { $tries }; a new game begins
# $games: net-n-games
net-guess-server-stopped = server stopped; { $games } won
# $guesses: net-n-guesses
net-guess-stopped-after = stopped after { $guesses }
net-guess-no-more-guesses = no more guesses after { $n }; not found yet
# $reply: the server's word for correct
net-guess-correct-after = { $reply } after { $guesses }
net-guess-auto-stopped = auto-play stopped
net-guess-reply-unreadable = cannot read the reply "{ $reply }" as HIGHER, LOWER or CORRECT
net-guess-found = { $reply }: the number is { $number }, found in { $guesses }
net-guess-no-correct = no CORRECT after { $n } guesses

## Sockets, addresses and threads
# The note a server bound to 127.0.0.1 or ::1 writes at start; $others: the addresses
# other machines would use, joined with net-or
net-loopback-note = listening on { $local }: only this computer can reach it; other machines would use { $others } if it listened on all interfaces (0.0.0.0)
net-loopback-note-unknown = listening on { $local }: only this computer can reach it; other machines would use this computer's network address if it listened on all interfaces (0.0.0.0)
net-or = or
# The server form's "bind to" choices
net-bind-all-ipv4 = All interfaces (0.0.0.0)
net-bind-loopback = This computer only (127.0.0.1)
net-bind-all-ipv6 = IPv6, all interfaces (::)
net-no-addresses = no addresses
# $text: what was typed, quoted
net-not-host-port = { $text } is not HOST:PORT (examples: localhost:12000, 192.168.1.20:12000, [::1]:12000)
net-not-a-port = { $port } is not a port number (1-65535)
net-no-address = { $server }: no address
# $server (a name) resolved to several addresses; $addr the last one tried; $n how many others
net-address-and-others = { $server } ({ $addr } and { $n } other)
net-cannot-create-udp-socket = cannot create UDP socket
net-cannot-read-bound-address = cannot read the bound address
net-cannot-configure-socket = cannot configure the socket
net-receive-failed-context = receive failed
net-cannot-address = cannot address { $peer }
net-cannot-read-listening-address = cannot read the listening address
net-cannot-configure-listening-socket = cannot configure the listening socket
net-refused-limit = refused: already serving { $max } connections (the limit)
net-cannot-configure-connection = cannot configure the connection: { $error }
net-accept-failed = accept failed: { $error }
# $conditions: what the network simulator does (loss, delay…)
net-simulated-network = simulated network: { $conditions }
# $transfers: net-n-transfers
net-server-stopped-started = server stopped; { $transfers } started
net-cannot-start-thread = cannot start thread { $name }
# A connection's thread failed; $error: what it said
net-thread-panicked = internal error in thread { $name }: { $error }; the server keeps running
net-unknown-panic = unknown panic

## File transfer (tcp-file, udp-file)
net-n-blocks = { $n } { $count ->
    [one] block
   *[other] blocks
}
net-n-files = { $n } { $count ->
    [one] file
   *[other] files
}
net-file-removed-parts = removed { $n } partial { $count ->
    [one] file
   *[other] files
} left beside { $path } by an interrupted download
# The client's last line: $bytes net-n-bytes, $chunks net-n-blocks or net-n-datagrams,
# $elapsed a duration ("1.2 s"), $rate a rate ("3.4 MiB/s")
net-file-saved = saved { $path } ({ $bytes }, { $chunks }) in { $elapsed }, { $rate }; SHA-256 { $sha256 }
net-file-saved-warning = saved { $path } ({ $bytes }, { $chunks }) in { $elapsed }, { $rate }; SHA-256 { $sha256 }; warning: { $warning }
net-file-no-shared-folder = the shared folder { $path } does not exist or is not a folder
# $why, $refusal: why the name is refused
net-file-bad-request = bad request "{ $text }": { $why }
net-file-refused = asked for "{ $name }": { $refusal }; sending nothing
net-file-cannot-open = asked for "{ $name }": cannot open it: { $error }; sending nothing
net-file-resized = "{ $name }" changed size while it was sent: it had { $size } bytes when the transfer began, { $sent } were sent
# $path: the shared folder
net-file-sharing = sharing { $path } on { $local }
# $files: net-n-files
net-file-server-stopped = server stopped; sent { $files }
net-file-no-name-within = no file name within { $secs } s; closing
net-file-closed-before-name = closed before sending a file name
net-file-name-too-long-closing = file name longer than { $max } bytes; closing
net-file-name-too-long-ignored = file name longer than { $max } bytes; ignored
# Why a file server's connection ended
net-file-sent-closed = file sent; closed by the server
net-file-aborted = transfer aborted
net-file-closed-without-data = closed by the server without sending data
# $size: the file's size in bytes; $n (and $count): how many blocks of $block bytes
net-file-sending-tcp = sending "{ $name }": { $size } bytes in { $n } blocks of { $block }
# $bytes: how many bytes were sent
net-file-stopping-cut-short = server stopping: "{ $name }" cut short after { $bytes } bytes
net-file-cut-short-stalled = "{ $name }" cut short after { $bytes } bytes: the client accepted no data for { $secs } s
net-file-cut-short = "{ $name }" cut short after { $bytes } bytes: { $error }
# $bytes: net-n-bytes; $n (and $count): how many blocks
net-file-sent-tcp = sent "{ $name }": { $bytes }, { $n } blocks in { $elapsed } ({ $rate })
net-file-cannot-send-name = cannot send the file name to { $peer }
net-file-cancelled-after = cancelled after { $bytes } bytes; nothing saved
net-file-no-data-tcp = no data from { $peer } for { $secs } s after { $bytes } bytes: the server stopped sending, or the network between is down (a cable, the Wi-Fi); nothing saved
net-file-connection-cut = the connection was cut after { $bytes } bytes ({ $error }): the server stopped or refused; nothing saved
net-file-sent-nothing = the server sent nothing: the file "{ $name }" may not exist there (in this protocol an empty file looks the same); nothing saved
# $rate: bytes per second ("1.5 MiB")
net-file-sharing-udp = sharing { $path } on { $local }; sending at most { $rate }/s
net-file-already-running = a transfer to this client is already running; request ignored
# $n (and $count): how many datagrams of $chunk bytes
net-file-sending-udp = sending "{ $name }": { $size } bytes in { $n } datagrams (the last shorter than { $chunk }) at up to { $rate }/s; the lab protocol cannot detect loss: a datagram the client misses leaves a hole it cannot see
net-file-cannot-read = cannot read "{ $name }": { $error }; transfer aborted
net-file-sent-udp = sent "{ $name }": { $bytes } in { $n } datagrams, { $elapsed } ({ $rate })
# $simulator: what the network simulator did so far (dropped, duplicated…)
net-file-sent-udp-simulated = sent "{ $name }": { $bytes } in { $n } datagrams, { $elapsed } ({ $rate }); simulator so far: { $simulator }: the client cannot tell, the lab protocol has no way to see a loss
net-file-udp-no-sequence = the UDP lab protocol has no sequence numbers: a lost datagram cannot be detected, only a stalled transfer
net-file-no-data-udp = no data from { $peer } for { $secs } s: the file "{ $name }" may not exist there, or the server is not running; nothing saved
net-file-stalled-udp = the transfer stalled after { $bytes } bytes (no data for { $secs } s): datagrams were lost, the server stopped, or the network between is down; nothing saved
# A UDP download's pauses between datagrams: $ms the time a default receive buffer of
# $buffer datagrams takes to fill at $rate per second; $n (and $count): how many pauses were longer
net-file-arrivals-calm = arrivals: no pause longer than { $ms } ms, the time a default receive buffer (about { $buffer } datagrams) takes to fill at { $rate }/s
net-file-arrivals-risky = arrivals: { $n } { $count ->
    [one] pause
   *[other] pauses
} longer than { $ms } ms, the time a default receive buffer (about { $buffer } datagrams) takes to fill at { $rate }/s: a client with default buffers that paused there could have lost datagrams without knowing
net-file-download-gone = the download is gone
# $text: what was typed, quoted
net-file-not-target = { $text } is not HOST:PORT:REMOTE_NAME (e.g. localhost:9000:notes.txt or [::1]:9000:notes.txt)

## TFTP (tftp-server, tftp-client)
# Added to a transfer's last line; $simulator: what the network simulator did
net-tftp-simulator-note = ; simulator: { $simulator }
net-tftp-cannot-send = cannot send: { $error }
# $packet: the packet, described ("DATA 7 (2048 B)")
net-tftp-sent-again = { $packet } · sent again
# $code: the TFTP error code; $meaning: what it means; $message: the peer's words
net-tftp-peer-error = the peer sent ERROR { $code } ({ $meaning }): { $message }
net-tftp-not-a-packet = not a TFTP packet ({ $error }); ignored
net-tftp-expected-ack = expected an ACK, got { $packet }; ignored
# $n (and $count): how many blocks are sent again
net-tftp-no-ack-resending = no ACK for block { $block } within { $ms } ms: sending { $count ->
    [one] it
   *[other] { $n } blocks
} again
net-tftp-no-ack-resending-last = no ACK for block { $block } within { $ms } ms: sending { $count ->
    [one] it
   *[other] { $n } blocks
} again (further resends are counted, not listed)
net-tftp-expected-data = expected DATA, got { $packet }; ignored
net-tftp-no-data-resending = no DATA { $block } within { $secs } s: sending { $packet } again
net-tftp-no-folder = the folder { $path } does not exist
net-tftp-sharing-writable = TFTP server sharing { $path } on { $local }; uploads allowed
net-tftp-sharing-read-only = TFTP server sharing { $path } on { $local }; read only
# $sharing: net-tftp-sharing-writable or net-tftp-sharing-read-only
net-tftp-sharing-simulated = { $sharing }; simulated network: { $conditions }
net-tftp-not-a-request-port = { $packet } on the server's port: only requests come here; ignored
net-tftp-not-a-request = not a TFTP request ({ $error }); ignored
net-tftp-cannot-open-socket = cannot open a transfer socket: { $error }
# A server's transfer ended well: $blocks (and $count) blocks, $secs seconds, $simulator net-tftp-simulator-note or nothing
net-tftp-server-sent = sent "{ $name }": { $bytes } bytes in { $blocks } blocks, { $retransmits } retransmitted, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-received = received "{ $name }": { $bytes } bytes in { $blocks } blocks, { $retransmits } retransmitted, { $secs } s ({ $rate }){ $simulator }
net-tftp-cannot-save = cannot save: { $error }
net-tftp-no-oack-ack = no ACK for the options the server agreed to
net-tftp-bad-blksize = blksize must be { $min } to { $max } (got { $got })
net-tftp-bad-windowsize = windowsize must be at least 1
# The client's last line; $path: where the file was saved (download) or read (upload)
net-tftp-downloaded = downloaded "{ $name }" to { $path }: { $bytes } bytes in { $blocks } blocks, { $retransmits } retransmitted, { $secs } s ({ $rate }), SHA-256 { $sha256 }{ $simulator }
net-tftp-uploaded = uploaded "{ $name }" from { $path }: { $bytes } bytes in { $blocks } blocks, { $retransmits } retransmitted, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-answer = the server's answer: { $error }
net-tftp-server-refused = the server refused: ERROR { $code } ({ $meaning }): { $message }
net-tftp-nothing-listening = nothing is listening on { $server } (the system refused the request)
net-tftp-no-answer = no answer from { $server } after { $tries } requests, { $secs } s apart: is a TFTP server running there?
net-tftp-cannot-open = cannot open { $path }: { $error }

## The network simulator
# $name: the setting (loss, duplicate, reorder); $got: the value given
net-sim-not-a-percentage = { $name } must be a percentage, 0 to 100 (got { $got })
net-sim-delay-too-long = delay and jitter are at most 10,000 ms
# The parts of one line that says what the simulator does ("5% loss, 40 ms ± 10 ms delay, seed 7")
net-sim-loss = { $pct }% loss
net-sim-duplicated = { $pct }% duplicated
net-sim-reordered = { $pct }% reordered
net-sim-delay = { $delay } ms ± { $jitter } ms delay
net-sim-seed = seed { $seed }
net-sim-both-directions = both directions
# What the simulator did so far
net-sim-counts = { $dropped } dropped, { $duplicated } duplicated, { $reordered } reordered, { $delayed } delayed

## Captures (pcapng comments a person reads in Wireshark)
net-capture-section = Rebuilt by socklab from its socket calls, not captured from a network: one TCP segment per send/recv (split at 65,495 bytes) acknowledged at once, the handshake at connect/accept, FIN or RST at close, one UDP datagram per sendto/recvfrom. No real segmentation, retransmissions or kernel timing.
net-capture-interface = packets rebuilt from socklab's socket calls
net-capture-dropped = dropped by the simulator: never delivered
# $size: how much payload a capture keeps ("1 MiB")
net-capture-payload-cut = socklab left out the rest of the payload after the first { $size } (a capture keeps that much); sequence numbers still count every byte
net-capture-datagrams-cut = socklab left out the datagrams after the first { $size } of payload (a capture keeps that much); this empty datagram stands for them
net-capture-peer-reset = socklab saw the connection reset
net-capture-our-reset = socklab reset the connection (a close with SO_LINGER 0)
net-capture-our-reset-after-fin = socklab reset the connection after the peer's FIN (a close with SO_LINGER 0: the peer's end is spared TIME_WAIT)
net-capture-full = socklab's capture stops here: it keeps at most { $n } packets
net-capture-sent-twice = sent twice by the simulator
net-capture-held-back = held back { $ms } ms by the simulator
net-capture-delayed = delayed { $ms } ms by the simulator
net-capture-cannot-build-segment = cannot build a TCP segment: { $error }
net-capture-cannot-build-datagram = cannot build a UDP datagram: { $error }
# The client's transfer: the server's $port for it, blocks of $blksize bytes, $window blocks a window, $size the file's size
net-tftp-transfer-port = transfer port { $port }: blocks of { $blksize } bytes, window { $window }
net-tftp-transfer-port-size = transfer port { $port }: blocks of { $blksize } bytes, window { $window }, { $size } bytes
net-bad-local-address = bad local address
# Why a transfer failed: the words of the ERROR packet sent to the peer (in English, whatever
# the language: the peer reads them) and of this side's log
net-tftp-transfer-cancelled = transfer cancelled
net-tftp-cannot-read-file = cannot read the file: { $error }
net-tftp-no-ack-gone = no ACK for { $secs } s: the peer is gone
net-tftp-block-too-large = block { $block } has { $bytes } bytes, more than the agreed { $blksize }
net-tftp-cannot-write = cannot write: { $error }
net-tftp-no-data-gone = no DATA after { $tries } tries ({ $secs } s each): the peer is gone
net-tftp-uploads-not-allowed = uploads are not allowed on this server (start it with --allow-write)
net-tftp-not-found = "{ $name }" not found
net-tftp-cannot-open-name = cannot open "{ $name }": { $error }
net-tftp-is-a-folder = "{ $name }" is a folder
net-tftp-octet-only = only octet mode is accepted for uploads
net-tftp-exists = "{ $name }" exists already
net-tftp-names-no-file = "{ $name }" names no file
net-tftp-no-folder-for = no folder for "{ $name }"
net-tftp-link-outside = refused: a link that leads outside the shared folder
net-tftp-expected-oack-or-data = expected OACK or DATA, got { $packet }
