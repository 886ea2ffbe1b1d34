# en-US: socklab check: checks' titles, verdicts' reasons and the reports

## The checks' titles: what each check asks of the program (a report's rows)

title-add-answers = answers with a name and an integer
title-add-shows = shows both names, both numbers and the sum
title-add-second-client = answers a second client
title-add-split-request = reads a request sent in pieces (field by field, or cut in two)
title-add-concurrent = answers while another client stays silent
title-add-garbage = keeps serving after a malformed request
title-add-out-of-range-stops = stops at a number outside 1..100
title-add-sends = sends a name and a number socklab's server reads
title-add-client-shows = shows both names, both numbers and the sum
title-add-exits = exits with code 0 within 5 s of the reply
title-add-reply-in-pieces = reads a reply sent in two pieces
title-add-out-of-range-input = 150 typed: refused or sent, and says which, without a traceback
title-add-no-server = no server: an error message, not a traceback
title-listens = listens within 5 s of starting
title-echo-echoes = sends a message back byte for byte
title-echo-upper = replies with the sentence upper-cased
title-echo-second-client = answers a second client
title-echo-session = answers several messages on one connection
title-echo-stop-word = a stop word ends the session; the server goes on
title-echo-cookbook-tcp = the cookbook's 33 bytes come back, read in 16-byte receives
title-echo-cookbook-udp = the cookbook's 33 bytes come back whole in one datagram
title-echo-concurrent = answers while another client stays silent
title-echo-sends-and-shows = sends the typed line and prints its echo
title-echo-client-upper = sends the sentence and prints it upper-cased
title-echo-client-stop-word = "stop" typed: the program ends with code 0
title-file-sizes-arrive = files of 1 to 70,000 bytes arrive identical
title-file-several = serves download after download
title-file-missing-name = a missing name does not stop it
title-file-traversal = names with ../ or an absolute path are refused
title-file-empty-file = an empty file: the transfer ends, and it serves on
title-file-concurrent = serves a second client while a first stays silent
title-file-chunks = every datagram 2048 bytes but the last, shorter
title-file-exact-multiple-ends = a 4096-byte file ends with an empty datagram
title-file-sizes-saved = files of 1 to 70,000 bytes saved identical
title-file-exits = exits with code 0 at the end of each transfer
title-file-missing-file = a missing file: a clear message, no traceback
title-file-exact-multiple-saved = a 4096-byte file (two full datagrams, then an empty one) is saved whole
title-file-pieces-saved = TCP data in odd-sized writes is saved identical
title-guess-answers = answers a guess with higher, lower or correct
title-guess-consistent = its answers agree with one secret in 1..99
title-guess-wins = halving wins within 7 guesses
title-guess-not-a-number = a word instead of a number does not stop it
title-guess-plays = its guesses, from its own printed hints, reach CORRECT
title-guess-exits = exits with code 0 after CORRECT
title-builds = builds with the course's build command

## Verdicts for people (a report's tables; the stable codes pass, fail, skip are not translated)

check-verdict-pass = pass
check-verdict-fail = fail
check-verdict-skip = skip
# The terminal's line per check starts with one of these.
check-mark-pass = PASS
check-mark-fail = FAIL
check-mark-skip = skip

## The counts and the score. $score is the percentage (already with the language's decimal
## mark); $passed of $total required checks; $advisory_passed of $advisory_total advisory ones.

check-summary = score { $score }%: { $passed } of { $total } required checks passed; advisory { $advisory_passed } of { $advisory_total }
check-summary-weighted = score { $score }%: { $passed } of { $total } required checks passed (points from the weights file); advisory { $advisory_passed } of { $advisory_total }

## Evidence (what was seen), in every report. $line is a typed line in quotes, $seconds
## when it was typed (one decimal, already with the language's decimal mark).

check-typed-at = { $line } at { $seconds } s
check-evidence-sent = sent: { $sent }
check-evidence-received = received: { $received }
check-evidence-typed = typed: { $typed }
check-evidence-exit-code = exit code: { $code }
check-evidence-output = the program's output:

## A weights file (--weights) that cannot be read. $line is a line number.

check-weights-not-json = not a JSON object of points: { $error }
check-weights-bad-line = line { $line }: "{ $text }" is not `check-id points [visibility]`
check-weights-bad-points = line { $line }: "{ $points }" is not a number of points
check-weights-bad-visibility = line { $line }: "{ $visibility }" is not a visibility (hidden, after_due_date, after_published or visible)
check-weights-negative = { $id }: { $points } points (points are 0 or more)
check-weights-none = no check is worth any points

## The reports' pages (Markdown, HTML). $exercise and $role are the command line's words
## (tcp-add, server), not translated.

check-report-heading = socklab check: { $exercise } { $role }
check-report-program = Program: { $command }
check-report-format = Format: { $format }
check-report-confinement = Confinement: { $confinement }
check-report-result = Result: { $summary }
check-column-check = check
check-column-required = required
check-column-verdict = verdict
check-column-reason = reason
check-column-submission = submission
check-column-score = score
# The "required" column of a required check.
check-required-yes = yes
# The "required" column of a check that is reported but not scored.
check-advisory = advisory
# After an advisory check's id in a class's table header (with its leading space).
check-advisory-short = { " " }(adv.)
# A submission that could not be checked at all; $error says why.
check-could-not-run = could not run: { $error }
# The folded evidence under a check's reason (HTML).
check-evidence = evidence

## A class's page (--each, HTML). $count is how many submissions.

check-class-heading = socklab check: { $exercise } { $role }, a class of { $count }
check-class-command = Command: { $command }
# $mean is the class's mean score (one decimal, with the language's decimal mark).
check-class-mean = Mean score { $mean }% (the share of required checks passed; advisory checks, in italics and a paler colour, never lower it). Click a cell or a name for the evidence.
check-class-pass-rates = Pass rate of each check
# $passed of the $total submissions that ran a check passed it.
check-class-rate = { $passed } of { $total }
check-class-rate-advisory = { $passed } of { $total } (advisory)
check-class-evidence = Evidence

## Gradescope's results.json: a test's name ($id the check's id, $title what it asks,
## $verdict the verdict word), and the output over every test.

check-gradescope-name = { $id } { $title }: { $verdict }
check-gradescope-name-advisory = { $id } { $title }: { $verdict } (advisory)
check-gradescope-output = socklab check { $exercise } { $role }: { $summary }

## The terminal: a line per check as it ends ($mark is PASS, FAIL or skip; $id the check's
## id, padded), then the counts ($summary is check-summary).

check-text-line = { $mark } { $id } { $title }: { $reason }
check-text-line-advisory = { $mark } { $id } { $title } (advisory): { $reason }
check-text-tail = { $passed } passed, { $failed } failed ({ $summary })
check-text-tail-required-failed = { $passed } passed, { $failed } failed ({ $summary }); a required check failed
check-text-confinement = confinement: { $confinement }

## Verdicts' reasons shared by every exercise. A reason's message id is its stable code in
## the JSON report (reason_code): an id with "exit" in it says how the program ended.

# A check passed: the server under test answered.
check-answered = answered
# What a failure's reason gains when the program under test had ended: $reason is the
# failure's own reason, $code the exit code, $last the last line the program printed.
check-had-exited = { $reason }; the program had exited (code { $code })
check-had-exited-said = { $reason }; the program had exited (code { $code }): { $last }
check-had-exited-signal = { $reason }; the program had exited (a signal)
check-had-exited-signal-said = { $reason }; the program had exited (a signal): { $last }
# A server under test is not back for the next case. $count earlier connections of socklab's
# hold $port.
check-not-back-time-wait = the server could not start again: { $count } earlier connection(s) of socklab's still hold port { $port } in TIME_WAIT, and it does not set SO_REUSEADDR (socklab's doing, not the program's)
# $why is check-exited-before-listening or check-nothing-listened.
check-not-back-exited = the server did not come back: { $why }
check-not-back = the server did not come back
# Every later check is skipped for this.
check-never-listened = the server never listened
check-listens = it listens on port { $port }
# $why is why it did not listen; $sockets how many sockets the system's table lists on $port.
check-port-still-held = { $why }; port { $port } is still held by another socket ({ $sockets } in the system's table), which may not be the program's doing
check-nothing-listened = nothing listened on port { $port } within 5 s
# $code is the exit code; $last the last line the program printed.
check-exited-before-listening = the program exited (code { $code }) before listening on port { $port }
check-exited-before-listening-said = the program exited (code { $code }) before listening on port { $port }: { $last }
check-signal-exited-before-listening = the program exited (code none: a signal) before listening on port { $port }
check-signal-exited-before-listening-said = the program exited (code none: a signal) before listening on port { $port }: { $last }
# $wanted: what the program printed, each in quotes, separated by commas.
check-output-shows = its output shows { $wanted }
check-output-lacks = its output lacks { $missing }
check-traceback = a traceback
check-still-running = still running after { $seconds } s
check-exit-code-0 = exit code 0
check-exit-code = exit code { $code }
check-ended-by-signal = ended by a signal
# $after: what the program should have ended after ("the reply", "stop" in quotes, CORRECT).
check-still-running-after = still running 5 s after { $after }
# socklab's own side of a check could not start; $name is its runner's name.
check-peer-could-not-start = socklab's { $name } could not start
check-cannot-write-capture = cannot write the capture { $path }: { $error }

## Reasons of the echo and uppercase checks. $message is what socklab sent (hello from
## socklab), $got what came back, escaped; "…-line" when the server answered only once
## socklab ended its line.

check-echo-came-back = "{ $message }" came back as "{ $got }"
check-echo-came-back-line = "{ $message }" came back as "{ $got }" once socklab ended its line with "\n", as a line-reading client (readLine(), fgets()) sends it; every later message is sent as a line too
# $count NUL bytes followed the answer.
check-echo-came-back-padded = "{ $message }" came back as "{ $got }" and { $count } NUL bytes: the padding of its whole buffer, sent after the answer (correct; a client that prints the reply shows the padding too)
check-echo-came-back-padded-line = "{ $message }" came back as "{ $got }" and { $count } NUL bytes once socklab ended its line with "\n", as a line-reading client (readLine(), fgets()) sends it; every later message is sent as a line too: the padding of its whole buffer, sent after the answer (correct; a client that prints the reply shows the padding too)
check-echo-nothing-back-newline = nothing came back within 2 s, nor within 2 s of a newline
check-echo-nothing-back = nothing came back within 2 s
check-echo-expected = expected "{ $expected }", got "{ $got }"
check-echo-expected-line = expected "{ $expected }", got "{ $got }" once socklab ended its line with "\n", as a line-reading client (readLine(), fgets()) sends it; every later message is sent as a line too
# $check is the id of the check that failed (echoes, upper).
check-echo-first-client-wrong = the first client got no right answer ({ $check } failed)
check-echo-second-client-answered = a second client was answered
check-echo-exited-after-first-client = the server exited after its first client
check-echo-second-client-got = a second client got "{ $got }"
check-echo-session-echoed = three messages, three echoes
check-echo-got = got "{ $got }"
# $word is the stop word socklab sent (stop).
check-echo-stop-word-ended = "{ $word }" ended the session; the next client was answered
check-echo-stop-word-not-ended = "{ $word }" did not end the session within 2 s
check-echo-exited-on-stop-word = the server exited on "{ $word }"
check-echo-next-not-answered = the next client was not answered
check-echo-cookbook-back = 33 bytes back
check-echo-cookbook-back-datagram = 33 bytes back in one datagram
# $count datagrams came back where one was expected.
check-echo-cookbook-datagrams = { $count } datagrams came back ("{ $got }"): a reply in one recvfrom() gets only the first
check-echo-no-echo-while-connected = no echo while another client was connected
# A client under test: $message is the line socklab typed, $want what it should print.
check-echo-sent-printed = sent "{ $message }", printed "{ $want }"
check-echo-sent-still-waiting = sent "{ $message }" but did not print "{ $want }": it is still waiting, e.g. for a newline the reply does not have (socklab sends back exactly the bytes it got)
check-echo-sent-not-printed = sent "{ $message }" but did not print "{ $want }"
check-echo-server-got-nothing = socklab's server got no "{ $message }" within { $seconds } s
# What a client should end after (check-still-running-after's $after).
check-echo-after-stop = "stop"

## Reasons of the guess checks. $guess is a number socklab guessed, $reply the server's
## reply as it came, $count how many guesses.

check-guess-got = { $guess } got "{ $reply }"
check-guess-no-hint = no reply read as a hint
# $error is why socklab's own client stopped playing (a contradiction, a timeout).
check-guess-failure = { $error }
check-guess-consistent = every answer fits one secret
check-guess-no-answers = no answers to judge
check-guess-correct-at = CORRECT at { $guess } after { $count } guesses
check-guess-never-correct = never CORRECT
check-guess-server-exited = the server exited
# socklab's own socket failed; $error is the system's message.
check-guess-socket-error = { $error }
check-guess-no-answer-to-50 = no answer to 50 after "abc"
check-guess-word-got = "abc" got "{ $reply }"; 50 then got an answer
check-guess-word-no-reply = "abc" got no reply; 50 then got an answer
check-guess-50-no-hint = 50 got no hint after "abc"
# $secret is the number socklab's server kept.
check-guess-played = CORRECT ({ $secret }) after { $count } guesses typed from its hints
# $typed: the lines the program typed, as a list.
check-guess-no-correct = no CORRECT after { $count } guesses (typed: { $typed })
check-guess-never-won = never won
check-guess-no-game = no game was played before this check

## Why a check run could not run at all (the terminal's "error: …").

check-cannot-make-capture-folder = cannot make the capture folder { $path }: { $error }
# $holder names what holds the port (a program and its process id).
check-port-busy = port { $port } is already in use by { $holder }: stop it first, or check on another port
# $graded lists the exercises socklab check grades.
check-not-graded = socklab check does not grade { $exercise }: it grades { $graded }

## socklab check on the terminal: errors, progress and stops.

# $message says what went wrong.
check-error = error: { $message }
# An exercise socklab check does not grade was named; $graded lists those it grades.
check-one-of = one of { $graded }
check-stopped = stopped: the program under test was killed
check-cannot-write = cannot write { $path }: { $error }
# --each: $done of $total files checked, $running being checked now.
check-progress = { $done }/{ $total } checked, { $running } running
check-stopped-files = stopped: { $done } of { $total } files checked
check-bad-pattern = bad pattern { $pattern }: { $error }
check-no-file-matches = no file matches { $pattern }
check-jobs-no-port = --jobs { $jobs }: COMMAND has no {"{"}port{"}"}, so every submission would need port { $port }; checking one at a time

## Gradebooks (--student-from, --gradebook)

check-bad-student-from = --student-from { $pattern } is not a regular expression: { $error }
check-bad-gradebook = --gradebook { $system }: socklab writes for canvas or moodle
# A submission whose path the --student-from expression finds no id in: left out of the gradebook.
check-no-student-id = warning: no student id in { $file } (--student-from): left out of the gradebook
