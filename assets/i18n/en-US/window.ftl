# en-US: the window's sections: Output, Traffic details, the Check section, dialogs

## Words several sections share

win-save = Save
# A button that stops another exercise's server, named by its title and transport
# ("Add two numbers · TCP").
win-stop-exercise = Stop { $exercise }
# A file written: its path.
win-saved = saved { $path }
win-cannot-save = cannot save { $path }: { $error }

## The Check section, under every exercise

win-check-section = Check a student's program
win-check-intro = socklab runs the program (in a scratch copy of its folder, confined unless unticked below), plays the other role, and checks it against the handout.
# Followed by two buttons: server, client.
win-check-program-is = The program is the
win-check-server = server
win-check-client = client
# Followed by two buttons: one program, a folder of submissions.
win-check-what = Check
win-check-one-program = one program
win-check-class = a folder of submissions
win-check-folder = Submissions folder
win-check-choose-folder = Choose folder…
win-check-file-in-each = File in each
win-check-file-in-each-hint = A pattern inside the folder, e.g. */TCPserver.py (one folder per student)
win-check-program = Program
win-check-choose-program = Choose program…
win-check-language = Language
# The last of the Language buttons (Python, Java, C, ...): the fields as typed.
win-check-any-command = any command
win-check-interpreter = Interpreter
win-check-build = Build
win-check-build-hint = Run once in a copy of the program's folder before the checks; {"{"}file{"}"} is the program's file
win-check-arguments = Arguments
win-check-arguments-hint = {"{"}host{"}"} and {"{"}port{"}"} are replaced; a file client also takes {"{"}remote{"}"} and {"{"}local{"}"}
win-check-port = Port
win-check-confine = Confine the program
win-check-confine-hint = Linux: files, TCP ports and signals by Landlock, limits on CPU, memory, processes and files, and another user when socklab runs as root
# Replaces the command line's way out (--as-user USER, or --no-confine) in an error; $checkbox is
# win-check-confine.
win-check-untick-confine = or untick "{ $checkbox }"
win-check-run = ▶ Run checks
win-check-stop = ⏹ Stop
win-check-save-report = Save report…
win-check-save-class-report = Save class report…
win-check-checking = checking…
win-check-or-save-to = or save to
win-check-report-path-hint = report.md or report.html
win-check-save-hint = Save the report to the path typed here (.html for a page)
win-check-not-saved = the report was not saved
win-check-cannot-start = cannot start the check: { $error }
# $pattern is the folder joined with the pattern, in quotes.
win-check-bad-pattern = bad pattern { $pattern }: { $error }
win-check-no-match = no file matches { $pattern }
# The name of the checklist's pane ("Resize checks").
win-pane-checks = checks
# The name of the program output's pane ("Resize program output").
win-pane-program-output = program output
# Under the checklist; $summary is the report's score line.
win-check-totals-required-passed = { $passed } passed, { $failed } failed ({ $summary }), every required check passed
win-check-totals-required-failed = { $passed } passed, { $failed } failed ({ $summary }), a required check failed
win-check-live-output = The program's output, as it runs:
win-check-class-progress = { $checked } of { $count } submissions checked
win-check-could-not-run = could not run: { $error }
# A check's verdict, in the checklist and the class table.
win-check-pass = PASS
win-check-fail = FAIL
win-check-skip = skip
# A check's verdict after its id in the class table ("echoes fail").
win-check-class-pass = pass
win-check-class-fail = fail
win-check-class-skip = skip
# A line of the checklist: "PASS listens · listens within 5 s of starting: ...".
win-check-result = { $verdict } { $id } · { $title }: { $reason }
win-check-result-advisory = { $verdict } { $id } · { $title } (advisory): { $reason }
# A check's evidence: what was sent, received, typed (in quotes).
win-check-sent = sent: { $data }
win-check-received = received: { $data }
win-check-typed = typed: { $data }
win-check-exit-code = exit code { $code }
win-check-program-said = the program's output:

## A server's or client's status line

win-not-running = Not running
win-starting = starting…
win-listening = listening on { $address }
win-talking = talking to { $address }
# A client the window ended; $server is the address of the server that stopped.
win-ended-server-stopped = ended: the server it talked to ({ $server }) stopped

## The views under a form: Output, Traffic, Timeline, Connections

win-output = Output
win-traffic = Traffic
win-timeline = Timeline
win-connections = Connections
# The name of a view's pane ("Resize server output"); $role is server or client, $view one of
# output, traffic, timeline, connections.
win-pane-view = { $role ->
        [server] server
       *[client] client
    } { $view ->
        [output] output
        [traffic] traffic
        [timeline] timeline
       *[connections] connections
    }
# A notice at the window's bottom when new Output lines are out of view; $n is $count with
# thousands separated; $role is server or client.
win-new-lines-below = { $count ->
        [one] { $n } new line
       *[other] { $n } new lines
    } below, in the { $role ->
        [server] server
       *[client] client
    } Output: show
# The timeline's own side.
win-this-server = this server
win-this-client = this client

## Saving what the Traffic tab holds

# $n is $count with thousands separated.
win-packets = { $count ->
        [one] { $n } packet
       *[other] { $n } packets
    }
win-rows = { $count ->
        [one] { $n } row
       *[other] { $n } rows
    }
# $packets is win-packets.
win-capture = Capture: { $packets }
win-capture-hint = What crossed the wire, rebuilt from socklab's socket calls as a pcapng file that opens in Wireshark (at most 16 MiB of payload and 200,000 packets a role).
win-save-capture = Save capture…
win-save-csv = Save CSV…
win-save-csv-hint = The inspector's rows as CSV
win-open-wireshark = Open in Wireshark
win-or-to = or to
win-path-hint = a path to type
win-save-capture-hint = Save the capture to the path typed here
win-save-as-csv = Save as CSV
win-save-as-csv-hint = Save the inspector's rows as CSV to the path typed here
win-saving = Saving…
win-nothing-to-save = Nothing has crossed the wire yet.
# $what is win-packets or win-rows.
win-traffic-saved = Saved { $what } to { $path }
win-traffic-cannot-save = Cannot save { $path }: { $error }
win-wireshark-failed = Cannot start Wireshark: { $error }
win-save-no-thread = Cannot start saving (no thread)
win-save-stopped = The save stopped unexpectedly

## An exercise's page

# Above an exercise whose server cannot listen: $exercise is the exercise whose server holds the
# port ("Add two numbers · TCP").
win-port-held = { $exercise } is running on port { $port }: this server cannot listen there too.

## The Output view: its controls and its lines

win-show-hex = Show hex
win-clear = Clear
# $n is $count with thousands separated.
win-lines = { $count ->
        [one] { $n } line
       *[other] { $n } lines
    }
# $n is $count as digits.
win-older-dropped = ({ $n } older dropped)
win-bytes = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
win-log-accepted = accept(): new connection
win-log-connected = socket() at { $local }, talking to { $peer }
# A message sent or received; $way is sent or received, $data the message in quotes.
win-log-bytes = { $way ->
        [sent] sent
       *[received] received
    } { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    } { $data }
# A packet sent or received, with what it is ($note: "DATA block 3", ...).
win-log-packet = { $way ->
        [sent] sent
       *[received] received
    } { $note }
win-log-dropped = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    } { $data } dropped by the simulator: sent, never delivered
# An addition: the sum, then the client's number and name, the server's; $role is server when
# this window's server did it, client when its client did.
win-log-sum = sum { $sum }: { $client_number } ({ $client_name }) + { $server_number } ({ $server_name }{ $role ->
        [server] , this server
       *[client] , the server
    })
# The format the client wrote in (protocol words).
win-log-format = format: { $format }
win-log-sharing = sharing { $count ->
        [one] { $n } file
       *[other] { $n } files
    }
# Blocks for TCP, datagrams for UDP.
win-log-chunks = { $transport ->
        [tcp] { $count ->
            [one] { $n } block
           *[other] { $n } blocks
        }
       *[udp] { $count ->
            [one] { $n } datagram
           *[other] { $n } datagrams
        }
    }
# A file sent: its name in quotes, win-bytes, win-log-chunks, seconds.
win-log-file-sent = sent { $name }: { $bytes }, { $chunks }, { $seconds } s
win-log-file-saved = saved { $path }: { $bytes }, { $chunks }, { $seconds } s
# After an echo's request and reply, when the reply came in several receives: their sizes.
win-log-segments = { " " }in { $count } receives of { $sizes } bytes
# $reply is the server's protocol word (HIGHER, LOWER, CORRECT).
win-log-guess = guess #{ $count }: { $guess } → { $reply }
win-log-not-a-number = not a number (not counted) → { $reply }
# Followed by the secret number, or by win-log-secret-hidden.
win-log-secret = new game; the secret is
# $text is win-log-secret; "Show secret" is the guess server's checkbox.
win-log-secret-hidden = { $text } hidden (tick "Show secret")
win-log-hint = hint: { $hint }

## The Traffic view: the inspector

win-traffic-connection = Connection
# The Connection menu's first entry: every connection.
win-traffic-all = all
win-traffic-direction = Direction
win-traffic-all-directions = all directions
win-traffic-sent = sent
win-traffic-received = received
win-traffic-socket-calls = socket calls
win-traffic-search = Search
win-traffic-hex = Hex
# Rows the filters show, of all; $shown and $n have thousands separated, $n is $count.
win-traffic-shown = { $shown } of { $count ->
        [one] { $n } row
       *[other] { $n } rows
    }
win-traffic-shown-dropped = { $shown } of { $count ->
        [one] { $n } row
       *[other] { $n } rows
    } ({ $dropped } older dropped; at most { $kept } kept)
# The inspector's column headers.
win-traffic-col-time = time
win-traffic-col-connection = connection
win-traffic-col-call = call
win-traffic-col-bytes = bytes
win-traffic-col-data = data
win-traffic-col-hex = hex
# The call and bytes columns as one, in a narrow pane.
win-traffic-col-call-bytes = call, bytes
# The connection of a row of the listening socket.
win-traffic-listening = listening
# The same, in Copy text's lines.
win-traffic-text-listening = (listening socket)
# A row's note: where a client's socket is.
win-traffic-socket-at = at { $local }
win-traffic-dgram-socket-at = SOCK_DGRAM at { $local }
win-traffic-dropped = dropped by the simulator
# A file server's sends, in one row: "×1,025 · datagrams of 2,048 B · last 1,200 B · 2.0 MiB in all";
# $transport is tcp (blocks) or udp (datagrams).
win-traffic-bulk-sent = ×{ $chunks } · { $transport ->
        [tcp] blocks of
       *[udp] datagrams of
    } { $each } B · last { $last } B · { $total } in all
# A TCP client's receives of a file: "2.0 MiB in all · 2,048 blocks of 1,024 B".
win-traffic-bulk-received = { $total } in all · { $count ->
        [one] { $n } block
       *[other] { $n } blocks
    } of { $each } B
win-traffic-bulk-datagrams = ×{ $chunks } · { $total } in all

## The Connections view

win-connections-latest = the latest { $shown } of { $all } connections (Traffic lists every one)
win-connections-col-close = close
win-connections-col-peer = peer
win-connections-col-state = state
win-connections-col-in = in
win-connections-col-out = out
win-connections-close = Close
win-connections-row-hint = connection #{ $id } from { $peer }: started { $started }, last activity { $last }
win-link-open = open
win-link-heard-from = heard from
win-link-talking-to = talking to
win-link-closed = closed
win-link-closed-because = closed: { $reason }

## The Timeline view

win-timeline-none-yet = none yet
win-timeline-latest = latest: { $connection }
win-timeline-follow-latest = latest (follows new ones)
win-timeline-listening-socket = listening socket: { $calls }
win-timeline-receives = { $receives } receives, { $bytes } in all
# The other side's lane, before its address is known.
win-timeline-peer = peer
win-timeline-stream-note = TCP is a byte stream: one send() may arrive as several recv() calls, or several as one.
