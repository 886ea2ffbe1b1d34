# socklab's messages in English (United States): the source every other catalogue translates
# and the fallback for a message one of them lacks. One message per thing a person reads; the
# ids are stable, the text may change.

## The side panel: how the window looks

theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
size = Size
size-hint = Larger text and controls for a projector
language = Language
# The first entry of the Language menu: the language of the run (the system's, or --lang's),
# named in brackets.
language-default = Default ({ $language })
reset-ask = Put every form, the theme and the size back to their defaults?
reset = Reset
cancel = Cancel
reset-settings = Reset settings…
reset-settings-hint = Forms, theme and size back to their defaults; running servers go on
projector-mode = Projector mode
projector-mode-hint = Hide this list and give the page the whole width (F11 toggles it)
shortcuts = F5 starts or stops this exercise's server; Enter sends; Ctrl+1 the server's port, Ctrl+2 the client; Ctrl+Up/Down another exercise; F11 projector mode; Ctrl+plus/minus the size.


## The exercise list

tagline = socket labs, both roles
exercises = Exercises
exercises-show-hint = Show the exercise list again (F11)
# An exercise in the list whose server runs.
exercise-running = { $exercise } (running)

## The exercises, by their command-line names

tcp-add-title = Add two numbers
tcp-add-summary = The client sends a name and a number from 1 to 100; the server replies with its own name and number, and both show the sum. An out-of-range number stops the server.
udp-add-title = Add two numbers
udp-add-summary = The same exchange in datagrams: one request, one reply, no connection. An out-of-range number stops the server.
tcp-file-title = File transfer
tcp-file-summary = The client sends a file name; the server sends the file in 1024-byte blocks and closes the connection. Compare both files afterwards.
udp-file-title = File transfer
udp-file-summary = The client sends a file name in one datagram; the server answers with 2048-byte datagrams, and the first shorter one ends the file.
tcp-echo-title = Echo
tcp-echo-summary = The server sends back whatever it receives, at once. A session carries many messages until the client sends a stop word. The cookbook test reads the echo in 16-byte receives: TCP is a stream.
udp-echo-title = Echo
udp-echo-summary = Each datagram comes back unchanged, from 0 to 65,507 bytes. No connection: every message stands alone.
tcp-upper-title = Uppercase
tcp-upper-summary = The textbook example the labs start from: the client sends a sentence, the server replies with it in capitals.
udp-upper-title = Uppercase
udp-upper-summary = The textbook example over UDP: one datagram with a sentence, one datagram back in capitals.
udp-guess-title = Guess the number
udp-guess-summary = The server keeps a secret from 1 to 99 for each client and answers every guess with HIGHER, LOWER or CORRECT. Halving the range always wins within 7 guesses.
tftp-title = Reliable file transfer
tftp-summary = The UDP transfer made reliable: every block is numbered and acknowledged, and a lost one is sent again. Try it under the same network conditions as the lab transfer.

## The Traffic, Timeline and Connections tabs

copy-csv = Copy CSV
copy-text = Copy text
no-socket-calls = No socket calls yet.
no-connections = No connections yet.
close-connection-hint = Close this connection from the server's side
