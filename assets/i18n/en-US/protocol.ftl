# en-US: the exercises' protocols as people read of them: why bytes could not be read (in the
# server's log, the client's error, a check's evidence) and the format names' errors. The bytes
# on the wire and the words socklab recognises in replies are not here.

## A format name (--format) that cannot be used

proto-template-needs-both = a template needs both {"{"}name{"}"} and {"{"}number{"}"}
# $format: the name given, quoted; $names: the format names, comma-separated
proto-unknown-format = unknown format { $format }; use one of { $names } or a template such as '{"{"}name{"}"}: {"{"}number{"}"}\n'

## An add request that cannot be read

# $bytes: proto-binary-start
proto-unknown-binary = not a format socklab understands: { $bytes }
# $first: the first bytes in hexadecimal ("80 04 95")
proto-binary-start = { $count } bytes, starts with `{ $first }`
# $reason: the JSON reader's own words
proto-not-json = not valid JSON: { $reason }
proto-json-not-object = JSON that is not an object
proto-json-without-fields = JSON object without a string field and an integer field (expected e.g. {"{"}"name": "...", "number": 42{"}"})
proto-zero-length-name = binary data starting with a zero byte and no name
proto-name-with-nul = length-prefixed name containing NUL bytes
proto-too-long-without-number = more than { $max } bytes without a number
proto-line-without-number = a line with no number at its end
proto-number-without-name = a number with no name before it

## Python pickles ($kind, $kinds: Python types as proto-py- names them)

# $reason: the pickle reader's own words
proto-pickle-unreadable = a Python pickle socklab cannot read ({ $reason })
proto-pickle-reader-stopped = a Python pickle socklab cannot read (its reader stopped on these bytes)
proto-pickle-of-other = a Python pickle of { $kind }, not of a name and a number
proto-pickle-of-items = a Python pickle of { $count } items ({ $kinds }), not a name and a number
proto-pickle-dict-without-number = a Python pickle of a dict with a name and a sum but no number of its own
proto-pickle-empty-dict = a Python pickle of an empty dict or of an object of a class, not a name and a number
proto-pickle-dict-keys = a Python pickle of a dict with keys { $keys }, not a name and a number
proto-py-bool = a bool
proto-py-int = an int
proto-py-float = a float
proto-py-str = a str
proto-py-list = a list
proto-py-tuple = a tuple
proto-py-set = a set
proto-py-dict = a dict

## An add reply that cannot be read

proto-reply-sum-without-number = the reply gives a sum ({ $sum }) but not the server's own number
proto-reply-several-numbers = the reply holds several numbers ({ $numbers }) and nothing says which is the server's

## File transfer: a requested name, and first bytes that look like a header

proto-name-not-utf8 = the file name is not valid UTF-8
proto-name-empty = an empty file name
proto-name-nul = a file name containing a NUL byte
proto-size-header = a size header
proto-text-header = a text header
# $count: how many bytes (chooses the plural); $size: the same, with separators; $shown: the
# bytes, escaped; $what: proto-size-header or proto-text-header
proto-header-tcp = the first { $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    } (`{ $shown }`) arrived on their own and look like { $what }: this server may send its own header before the data; they are saved as part of the file
proto-header-udp = the first datagram ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    }, `{ $shown }`) looks like { $what }: this server may use its own protocol, not the handout's 2048-byte chunks

## TFTP: bytes that are no TFTP packet, and a server's options that cannot be used

proto-tftp-unterminated = a string is not terminated by a zero byte
proto-tftp-not-text = a string is not text
proto-tftp-option-without-value = an option has no value
proto-tftp-too-short = { $count } bytes: too short for a TFTP packet
proto-tftp-no-block = no block number
proto-tftp-request-fields = a request needs a file name and a mode
proto-tftp-mode = mode "{ $mode }" is not supported
proto-tftp-empty-name = the file name is empty
proto-tftp-opcode = opcode { $opcode } is not TFTP
# $name: an option (blksize, windowsize, ...)
proto-tftp-unasked-option = the server agreed to "{ $name }", which was never asked
proto-tftp-option-not-number = the server's { $name } "{ $value }" is not a number
proto-tftp-out-of-range = the server's { $name } { $value } is out of range

## A TFTP error code's meaning (RFC 1350, RFC 2347), in a log line after "ERROR 1"

proto-tftp-error-not-defined = error
proto-tftp-error-file-not-found = file not found
proto-tftp-error-access-violation = access violation
proto-tftp-error-disk-full = disk full
proto-tftp-error-illegal-operation = illegal TFTP operation
proto-tftp-error-unknown-tid = unknown transfer ID
proto-tftp-error-file-exists = file already exists
proto-tftp-error-no-such-user = no such user
proto-tftp-error-option-refused = option negotiation refused

## Why a file server refuses a name, for its log (the TFTP ERROR packet says it in English)

proto-refused-absolute = refused: an absolute path
proto-refused-parent = refused: a path with ".."
proto-refused-missing = no such file
proto-refused-not-a-file = refused: not a regular file
proto-refused-link-outside = refused: a link that leads outside the shared folder
proto-refused-hidden = refused: a hidden name (a part starting with "."), not served unless hidden files are shared (--serve-hidden)
# $reason: why, from the system
proto-refused-io = cannot read it: { $reason }
