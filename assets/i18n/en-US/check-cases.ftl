# en-US: socklab check: the reasons of the add and file exercises' checks, and what socklab says of the program it runs and confines (its start, its build, its limits, its confinement, the ports it needs)
# A reason whose id has "exit" in it says how the program ended (or that it did not): no note on its end is added to it.

## The add exercise's checks (socklab check tcp-add/udp-add): each verdict's reason

# answers passed: $name and $number the server's reply, $sent the number socklab sent, $format the wire format that worked
case-add-answered-in = "{ $name }" and { $number } in reply to { $sent } ({ $format })
case-add-no-reply-in-any-format = no reply socklab could read in any of its formats
# Why every check after "answers" is skipped
case-add-never-answered = the server never answered
case-add-exited-after-first-client = the server exited after its first client
case-add-second-answered = a second client was answered
case-add-second-no-reply = a second client got no reply
# A check skipped over UDP
case-add-udp-whole = UDP: a datagram arrives whole
case-add-udp-no-connection = UDP has no connection to hold
case-add-answered = answered
case-add-no-reply-beside-silent = no reply while another client stayed connected and silent
case-add-no-reply-after-malformed = no reply to a normal request after a malformed one
case-add-exited-on-malformed = the server exited on a malformed request
# $number the server's number in reply to 150, $sum the sum it makes
case-add-150-answered = 150 was answered with { $number } (a sum of { $sum })
case-add-150-not-exited = no reply, but the server did not exit within 3 s
case-add-150-exited-port-kept = it exited, but its port was not released within 3 s
case-add-150-stopped = no reply to 150; it exited and released its port
# $count pieces the request was sent in (2 or more), $got what came back, escaped
case-add-no-reply-to-pieces = no reply socklab could read to a request sent in { $count ->
        [one] { $count } piece
       *[other] { $count } pieces
    }: "{ $got }"
# A system error on socklab's own connection, as the system says it
case-add-io-error = { $error }
case-add-own-server-failed = socklab's add server could not start
case-add-no-format-yet = no format was found before this check
# sends passed: the client sent $name and $number in $format
case-add-sent = "{ $name }" and { $number } ({ $format })
# … and $typed was typed, but it sent the name written in its code
case-add-sent-own-name = "{ $name }" and { $number } ({ $format }) ("{ $typed }" was typed; it sent the name written in its code)
case-add-sent-name-in-code = "{ $name }" and { $number } ({ $format }) (its name is written in its code: it asked for none)
case-add-ended-without-request = the program ended without sending a request socklab could read
case-add-no-request = no request socklab could read within { $seconds } s
case-add-no-request-read = no request was read
# What "exits" waits for after: "still running 5 s after the reply"
case-add-after-reply = the reply
case-add-showed-sum = it showed the sum
# The exit code when a signal ended the program: "exit code none"
case-add-exit-none = none
# 150 typed; the program exited with $code and printed nothing after it
case-add-150-sent-exited-silently = it sent 150 and exited without a word (exit code { $code }): its user cannot tell what happened
case-add-150-nothing-exited-silently = it sent nothing and exited without a word (exit code { $code }): its user cannot tell what happened
# $said the last line the program printed after 150 was typed
case-add-150-sent-said = it sent 150 (socklab's server gave the lab's answer: no reply), and said: "{ $said }"
case-add-150-refused-said = it refused 150 without sending it, and said: "{ $said }"
case-add-ended-with-message = it ended with a message
case-add-never-connected = it never connected
case-add-no-request-read-short = no request read
# $sum the sum the program should have shown
case-add-sum-not-shown = it did not show the sum { $sum } after a reply in two pieces

## The file exercise's checks (socklab check tcp-file/udp-file): each verdict's reason

# Why socklab's own download could not run or end (inside a longer reason)
case-file-no-thread = no thread
case-file-no-end = no end
# One size of the "sizes" check: $size bytes asked, $got bytes came
case-file-arrived-different = { $size } B arrived as { $got } B, different
# "sizes" failed: $wrong what went wrong, size by size, joined by "; "
case-file-sizes-wrong = { $wrong }
case-file-sizes-identical = { $count ->
        [one] { $count } size, byte-identical
       *[other] { $count } sizes, each byte-identical
    }
case-file-one-process = one process served every download
# $starts times the server was started, for $downloads downloads
case-file-exits-after-each = it was started { $starts ->
        [one] once
       *[other] { $starts } times
    } for { $downloads } downloads: it exits after a transfer
case-file-exited-on-missing = the server exited on a missing file
case-file-next-failed-after-missing = the next download failed after a missing file
case-file-went-on = it went on serving
case-file-udp-no-connection = UDP has no connection to hold
case-file-served-beside-silent = a download was served while another client stayed connected and silent
case-file-download-different = the download arrived different
# $error why the download failed
case-file-no-download-beside-silent = no download while another client stayed connected and silent: { $error }
# A system error on socklab's own socket, as the system says it
case-file-io-error = { $error }
# $count bytes came before the connection went quiet for $seconds s
case-file-stayed-open = the connection stayed open { $seconds } s after { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: a handout client would wait for ever
case-file-no-datagram = no datagram came back
case-file-then-silence = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } and then silence, with no shorter datagram to end them
case-file-no-scratch-folder = the server runs in no scratch folder to look out of
case-file-no-parent = the server's folder has no parent
# A name asked for that the server sent ($name: ../file or an absolute path)
case-file-was-sent = "{ $name }" was sent
case-file-traversal-refused = neither ../name nor an absolute path was sent
# $sent the names that were sent, joined by "; "
case-file-traversal-served = { $sent }: any file the server's user can read is served
case-file-exited-on-empty = the server exited on an empty file
# How an empty file's transfer ended ($ended below)
case-file-empty-closed = the connection closed with no data
case-file-empty-datagram = one empty datagram
case-file-bytes-for-empty = { $count ->
        [one] { $count } byte came
       *[other] { $count } bytes came
    } for an empty file
case-file-empty-served-next = { $ended }, and it served the next download
case-file-empty-next-different = { $ended }, but the next download arrived different
case-file-empty-next-failed = { $ended }, but the next download failed: { $error }
# The datagrams of a file: $count of them, the last $last bytes long
case-file-datagrams = { $count ->
        [one] { $count } datagram
       *[other] { $count } datagrams
    }, the last { $last ->
        [one] { $last } byte
       *[other] { $last } bytes
    }
case-file-no-empty-datagram = { $count ->
        [one] { $count } datagram
       *[other] { $count } datagrams
    } of 2048 bytes and no empty one after them: a handout client would wait for ever
# $sizes the first sizes seen, $file the file's size in bytes
case-file-datagram-sizes = datagram sizes { $sizes } for a { $file }-byte file
# One run of the client that did not end well: $size the file's size, $code its exit code
case-file-run-exit-code = { $size } B: exit code { $code }
case-file-run-still-running = { $size } B: still running after { $seconds } s
case-file-saved-different = { $size } B saved as { $got } B, different
case-file-size-nothing-saved = { $size } B: nothing saved
case-file-exit-0-every-time = exit code 0 every time
# $runs the runs that did not end well, joined by "; "
case-file-exit-codes = { $runs }
# The exit code when a signal ended the program: "exit code none"
case-file-exit-none = none
case-file-ended-empty-left = it ended without a traceback (an empty file was left)
case-file-ended-cleanly = it ended without a traceback
case-file-running-after-empty-datagram = still running { $seconds } s after the empty datagram that ends a { $size }-byte file
case-file-stopped-at-empty-datagram = it stopped at the empty datagram and saved { $size } bytes, identical
case-file-exit-nothing-saved = exit code { $code }, nothing saved
case-file-exit-saved = exit code { $code }, { $count ->
        [one] { $count } byte saved
       *[other] { $count } bytes saved
    }
case-file-exit-saved-different = exit code { $code }, { $count ->
        [one] { $count } byte saved
       *[other] { $count } bytes saved
    }, different
case-file-udp-whole = UDP: a datagram arrives whole
# $pieces how the file was sent (case-file-pieces-written)
case-file-pieces-identical = saved identical; { $pieces }
case-file-pieces-nothing-saved = nothing saved; { $pieces }
case-file-pieces-different = saved { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }, different; { $pieces }
# $size bytes in writes of $pieces bytes ("1, 700, 3")
case-file-pieces-written = { $size } bytes written in pieces of { $pieces } bytes
case-file-cannot-listen = socklab could not listen on port { $port }: { $error }

## The program under test: why it could not run, what was cut from its output

# $command the command (quoted), $reason why it could not run (one of the messages below)
case-program-cannot-run = cannot run { $command }: { $reason }
case-program-stopped = the check was stopped
case-program-no-command = no command given
# A scratch folder could not be made; $error as the system says it
case-program-no-copy = { $error }
case-program-cannot-copy = cannot copy { $folder }: { $error }
# The system could not start the program; $error as it says it
case-program-spawn-failed = { $error }
# At the end of a program's kept output, when it printed more than socklab keeps
case-program-output-dropped = [{ $count ->
        [one] { $count } more byte not kept
       *[other] { $count } more bytes not kept
    }]
# Why a program was not confined (after "not confined: ")
case-program-no-plan = no plan
case-program-launcher-silent = the launcher did not say what it applied

## The build (--build): the "builds" check's reason; $line the build command

case-build-ended = "{ $line }" ended with code 0
case-build-failed = "{ $line }" failed with code { $code }
case-build-signal = "{ $line }" was ended by a signal
case-build-timed-out = "{ $line }" did not end within { $seconds } s: stopped

## A limit that stopped the program (added to a check's reason in brackets)

case-limit-memory = stopped: memory limit { $mib } MiB
case-limit-cpu = stopped: CPU limit { $seconds } s
case-limit-file-size = stopped: file size limit { $mib } MiB
case-limit-processes = stopped: process limit { $count }
case-limit-open-files = stopped: open files limit { $count }

## Confinement: what was applied to the program under test, or why not (reports, the window)

# Why nothing was confined
case-confine-off-asked = --no-confine: it runs with the user's full rights
case-confine-no-landlock-system = this system has no Landlock: it runs with the user's full rights
case-confine-linux-only = confinement runs on Linux only
# Whom the program ran as
case-confine-user-own = the user's own
case-confine-user-named = { $user } (uid { $uid })
case-confine-user-checking = the checking user's own (uid { $uid })
# Why a confined program could not be started
case-confine-no-passwd = { $error }
case-confine-no-user = no user { $user } on this system (--as-user NAME)
case-confine-not-found = { $program }: not found
case-confine-no-spec = { $error }
# $hint the way out: the command line's flags, or the window's box
case-confine-interpreter-closed = the interpreter { $interpreter } is in { $folder }, which user { $user } cannot enter: use an interpreter every user can run (e.g. /usr/bin/python3), { $hint }
case-confine-cannot-give = cannot give { $folder } to user { $user }: { $error }
case-confine-no-launcher = cannot find the socklab program that confines programs under test (or run unconfined)
# The launcher's own errors, on the terminal after "socklab: "
case-confine-cannot-exec = cannot run { $program }: { $error }
case-confine-cannot-confine = cannot confine the program: { $why }
case-confine-no-spec-given = no confinement given
# How memory is bounded: $cgroup "cgroup v1" or "cgroup v2", $data MiB per process
case-confine-memory-and-processes-by-cgroup = resident memory and processes by a { $cgroup }, data segment { $data } MiB per process
case-confine-memory-by-cgroup = resident memory by a { $cgroup }, data segment { $data } MiB per process
case-confine-memory-by-data = data segment { $data } MiB per process
# What could not be applied ("not applied: …")
case-confine-no-cgroup = resident memory: no cgroup could be made ({ $why }): each process's data segment is bounded instead
case-confine-cgroup-not-joined = resident memory: the program could not join its cgroup
case-confine-limit-cpu = the CPU seconds limit
case-confine-limit-data = the data segment limit
case-confine-limit-processes = the processes limit
case-confine-limit-file-size = the file size limit
case-confine-limit-open-files = the open files limit
case-confine-limit-core = the core files limit
case-confine-as-root = it runs as root (--as-user root): the process limit does not bind root
case-confine-no-landlock-kernel = Landlock: this kernel has none (or it is disabled): files, ports and signals are not confined
case-confine-no-tcp-rules = TCP ports: Landlock ABI { $abi } has no network rules (ABI 4, Linux 6.7)
case-confine-no-signal-scope = signals: Landlock ABI { $abi } does not scope them (ABI 6, Linux 6.12)
case-confine-landlock-error = Landlock: { $error }
# The confinement's line in a report and in the window
case-confine-line-off = not confined: { $why }
case-confine-line-windows = confined by a Windows Job object; all its processes are ended with each case; files and ports are not confined
case-confine-line-windows-limits = confined by a Windows Job object: at most { $processes } processes, { $memory } MiB memory, { $cpu } s CPU time; all its processes are ended with each case; files and ports are not confined
# $abi the kernel's Landlock ABI, $landlock how far it was enforced, $what the parts below (or case-confine-part-nothing), $user whom it ran as
case-confine-line = confined (Landlock ABI { $abi }, { $landlock }): { $what }; as user { $user }
case-confine-part-files = files (read-only system folders and interpreter, writes only in its scratch copy)
case-confine-part-tcp-ports = TCP ports (only the exercise's)
case-confine-part-signals = signals and abstract UNIX sockets (only its own processes)
case-confine-part-nothing = nothing by Landlock
case-confine-landlock-full = fully enforced
case-confine-landlock-partial = partially enforced
case-confine-landlock-none = not enforced
# Added after case-confine-line: the limits; $bound how memory is bounded
case-confine-line-limits = ; limits: { $cpu } s CPU, { $memory } MiB memory, { $processes } processes, { $files } MiB files, { $open } open files
case-confine-line-limits-memory = ; limits: { $cpu } s CPU, { $memory } MiB memory ({ $bound }), { $processes } processes, { $files } MiB files, { $open } open files
# Added last: what could not be applied
case-confine-line-missing = ; not applied: { $what }

## cgroups (why none could be made, inside case-confine-no-cgroup)

case-cgroup-no-memory-controller = no cgroup hierarchy with the memory controller is mounted
case-cgroup-no-group = no group

## Ports: who holds one, and a port the system lends to outgoing connections

case-port-held-by-socklab = socklab itself (PID { $pid }: one of its own servers)
case-port-held-by-another = another program
case-port-ephemeral-note = note: port { $port } is in this system's range for outgoing connections ({ $low }-{ $high }): any connection may take it for a while, and a student's server then cannot listen there; a port below { $low } (12000, { $first }-{ $last }) avoids that
