# en-US: socklab's errors (what failed, shown after "error:" on the command line and in the
# window) and their hints (what probably went wrong and what to try), and local files' errors

## What failed ($addr, $peer: an address such as 127.0.0.1:12000; $reason: why, from the system)

err-bind = cannot listen on { $addr }: { $reason }
err-connect = cannot connect to { $addr }: { $reason }
err-no-udp-server = nothing is listening at { $addr }: the system answered the datagram with "port unreachable"
# $host is quoted already ("example.org")
err-resolve = cannot find host { $host }: { $reason }
# $time: a duration such as "5 s"
err-timeout = no reply from { $peer } within { $time }
err-contradiction = the server's hints contradict each other: no number is left between { $min } and { $max }
err-first-guess-unanswered = no answer from { $peer } to the first guess within { $time }
err-closed-without-reply = the server { $peer } closed the connection without replying
err-exists = { $path } already exists
err-panic = internal error in worker thread: { $message }

## The system's reasons, said in the language of the user (English shows the system's own text)

err-os-addr-in-use = Address already in use
err-os-addr-not-available = Cannot assign requested address
err-os-connection-refused = Connection refused
err-os-connection-reset = Connection reset by peer
err-os-connection-aborted = Software caused connection abort
err-os-timed-out = Connection timed out
err-os-host-unreachable = No route to host
err-os-network-unreachable = Network is unreachable
err-os-not-found = No such file or directory
err-os-permission-denied = Permission denied
err-os-already-exists = File exists
err-os-is-a-directory = Is a directory
err-os-not-a-directory = Not a directory
err-os-storage-full = No space left on device
err-os-read-only = Read-only file system
err-os-broken-pipe = Broken pipe

## The hints

err-hint-port-in-use = Port { $port } is already in use, perhaps by another server you started. Stop it or pick another port.
err-hint-low-port = Ports below 1024 need administrator rights; the handouts suggest a port above 1024, e.g. { $port }.
err-hint-not-this-computer = That address does not belong to this computer; choose all interfaces or loopback.
err-hint-refused-elsewhere = { $addr } is another machine, and nothing there accepted the connection on that port. If the server runs there, it may be listening on 127.0.0.1 (localhost) only, which only that machine can reach: bind '' or 0.0.0.0 (all interfaces) there. Also check the port, and that the server is started.
err-hint-refused = Nothing is listening at { $addr }. Start the server first, and check the port and that server and client agree on IPv4/IPv6 ("localhost" may mean ::1).
err-hint-connect-timeout = The server did not answer the connection: a firewall may be dropping packets, or the address is wrong.
err-hint-no-route = There is no route to { $addr }: the address may be on another subnet than this computer's, or the other machine is off or unplugged (check the cable or the Wi-Fi).
err-hint-tcp-timeout = The server accepted the connection but sent nothing back in time: it may be waiting for more (a newline, or a second message), or expect another message format. Look at the server's own output.
err-hint-udp-timeout = Over UDP, nothing tells you whether a server is running: check the address and port, and that the server is started. A firewall may also drop the datagrams.
err-hint-first-guess = Some guess servers wait for a first message such as `play` or `start` before the game begins: send that first (type it as a guess), or look at the server's output. Over UDP, also check the address and port: nothing tells whether a server runs.
err-hint-closed-without-reply = Right after the request, this usually means the server expected another message format (it could not read ours, or waited for a newline): try another --format (line, json, split, pickle, …) and look at the server's own output.
err-hint-no-udp-server-elsewhere = { $addr } is another machine, and it answered that nothing has that UDP port open. If the server runs there, it may be bound to 127.0.0.1 (localhost) only, which only that machine can reach: bind '' or 0.0.0.0 there. Also check the port.
err-hint-no-udp-server = Start the server first, and check the address and port. Over UDP this answer is the only sign that no server runs; often there is none at all, and the client just waits.
err-hint-disk-full = The disk (or your quota) is full. Nothing was saved under the file's name: free some space or choose a folder on another disk.
err-hint-read-only = That folder is on a read-only disk (a locked USB stick, a CD, a read-only share). Nothing was saved: choose a folder you can write to.
err-hint-permission = The system refused access (permissions). To save a download, choose a folder of your own (your Downloads or Documents); to share a file, check that you may read it.
err-hint-exists = Choose another name, or allow overwriting (--force on the command line).
err-hint-resolve = Check the spelling of the host name, or use an IP address.

## Local files: downloads and comparisons ($path: a file or folder)

err-not-a-file-name = { $path } is not a file name
err-no-folder = the folder { $path } does not exist
err-is-a-folder = { $path } is a folder
err-cannot-create-in = cannot create a file in { $path }
err-cannot-save = cannot save { $path }
err-cannot-write-beside = cannot write beside { $path }
err-cannot-start-writer = cannot start the download writer
err-download-stopped = the download of { $path } stopped
err-writer-gone = the download writer is gone
err-writer-failed = the download writer failed
err-cannot-open = cannot open { $path }
err-cannot-read = cannot read { $path }
err-cannot-create-pipe = cannot create a pipe
err-cannot-reopen = cannot open { $path } again
err-cannot-start-hasher = cannot start the download hasher
err-download-finished = the download is finished
err-cannot-read-pipe = cannot read the pipe
err-cannot-read-back = cannot read back { $path } to hash it
err-hasher-gone = the hashing thread is gone
err-hasher-failed = the hashing thread failed
err-file-shorter = the file is shorter than what was written to it
# `socklab compare`: where one file has no byte left
err-end-of-file = end of file
# $count: the size in bytes (chooses the plural); $size: the same, written with separators
err-identical = identical ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    })
# $a, $b: the byte of each file there (0x41 'A'), or err-end-of-file
err-different = different: first difference at byte { $offset } (line { $line }): { $a } vs { $b }; sizes { $size_a } and { $size_b } bytes
