# es: socklab check: checks' titles, verdicts' reasons and the reports

## The checks' titles: what each check asks of the program (a report's rows)

title-add-answers = responde con un nombre y un entero
title-add-shows = muestra ambos nombres, ambos números y la suma
title-add-second-client = responde a un segundo cliente
title-add-split-request = lee una petición enviada por partes (campo a campo, o cortada en dos)
title-add-concurrent = responde mientras otro cliente permanece en silencio
title-add-garbage = sigue sirviendo tras una petición mal formada
title-add-out-of-range-stops = se detiene con un número fuera de 1..100
title-add-sends = envía un nombre y un número que el servidor de socklab lee
title-add-client-shows = muestra ambos nombres, ambos números y la suma
title-add-exits = termina con código 0 a más tardar 5 s después de la respuesta
title-add-reply-in-pieces = lee una respuesta enviada en dos partes
title-add-out-of-range-input = 150 tecleado: lo rechaza o lo envía, y dice cuál, sin traceback
title-add-no-server = sin servidor: un mensaje de error, no un traceback
title-listens = escucha a más tardar 5 s después de arrancar
title-echo-echoes = devuelve un mensaje byte a byte
title-echo-upper = responde con la frase en mayúsculas
title-echo-second-client = responde a un segundo cliente
title-echo-session = responde a varios mensajes en la misma conexión
title-echo-stop-word = una palabra de parada termina la sesión; el servidor sigue
title-echo-cookbook-tcp = los 33 bytes del recetario vuelven, leídos en recepciones de 16 bytes
title-echo-cookbook-udp = los 33 bytes del recetario vuelven enteros en un solo datagrama
title-echo-concurrent = responde mientras otro cliente permanece en silencio
title-echo-sends-and-shows = envía la línea tecleada e imprime su eco
title-echo-client-upper = envía la frase y la imprime en mayúsculas
title-echo-client-stop-word = "stop" tecleado: el programa termina con código 0
title-file-sizes-arrive = archivos de 1 a 70.000 bytes llegan idénticos
title-file-several = sirve descarga tras descarga
title-file-missing-name = un nombre inexistente no lo detiene
title-file-traversal = los nombres con ../ o una ruta absoluta se rechazan
title-file-empty-file = un archivo vacío: la transferencia termina y sigue sirviendo
title-file-concurrent = sirve a un segundo cliente mientras el primero permanece en silencio
title-file-chunks = todos los datagramas de 2048 bytes salvo el último, más corto
title-file-exact-multiple-ends = un archivo de 4096 bytes termina con un datagrama vacío
title-file-sizes-saved = archivos de 1 a 70.000 bytes guardados idénticos
title-file-exits = termina con código 0 al final de cada transferencia
title-file-missing-file = un archivo inexistente: un mensaje claro, sin traceback
title-file-exact-multiple-saved = un archivo de 4096 bytes (dos datagramas llenos, luego uno vacío) se guarda entero
title-file-pieces-saved = los datos TCP en escrituras de tamaños irregulares se guardan idénticos
title-guess-answers = responde a un intento con higher, lower o correct
title-guess-consistent = sus respuestas concuerdan con un único secreto en 1..99
title-guess-wins = dividir a la mitad gana en 7 intentos o menos
title-guess-not-a-number = una palabra en lugar de un número no lo detiene
title-guess-plays = sus intentos, a partir de las pistas que imprime, llegan a CORRECT
title-guess-exits = termina con código 0 después de CORRECT
title-builds = compila con el comando de compilación del curso

## Verdicts for people (a report's tables; the stable codes pass, fail, skip are not translated)

check-verdict-pass = superada
check-verdict-fail = fallida
check-verdict-skip = omitida
# The terminal's line per check starts with one of these.
check-mark-pass = BIEN
check-mark-fail = FALLO
check-mark-skip = omitida

## The counts and the score. $score is the percentage (already with the language's decimal
## mark); $passed of $total required checks; $advisory_passed of $advisory_total advisory ones.

check-summary = nota { $score } %: { $passed } de { $total } { $total ->
        [one] comprobación obligatoria superada
       *[other] comprobaciones obligatorias superadas
    }; orientativas { $advisory_passed } de { $advisory_total }
check-summary-weighted = nota { $score } %: { $passed } de { $total } { $total ->
        [one] comprobación obligatoria superada
       *[other] comprobaciones obligatorias superadas
    } (puntos del archivo de pesos); orientativas { $advisory_passed } de { $advisory_total }

## Evidence (what was seen), in every report. $line is a typed line in quotes, $seconds
## when it was typed (one decimal, already with the language's decimal mark).

check-typed-at = { $line } a los { $seconds } s
check-evidence-sent = enviado: { $sent }
check-evidence-received = recibido: { $received }
check-evidence-typed = tecleado: { $typed }
check-evidence-exit-code = código de salida: { $code }
check-evidence-output = la salida del programa:

## A weights file (--weights) that cannot be read. $line is a line number.

check-weights-not-json = no es un objeto JSON de puntos: { $error }
check-weights-bad-line = línea { $line }: "{ $text }" no es `id-de-comprobación puntos [visibilidad]`
check-weights-bad-points = línea { $line }: "{ $points }" no es un número de puntos
check-weights-bad-visibility = línea { $line }: "{ $visibility }" no es una visibilidad (hidden, after_due_date, after_published o visible)
check-weights-negative = { $id }: { $points } puntos (los puntos son 0 o más)
check-weights-none = ninguna comprobación vale puntos

## The reports' pages (Markdown, HTML). $exercise and $role are the command line's words
## (tcp-add, server), not translated.

check-report-heading = socklab check: { $exercise } { $role }
check-report-program = Programa: { $command }
check-report-format = Formato: { $format }
check-report-confinement = Confinamiento: { $confinement }
check-report-result = Resultado: { $summary }
check-column-check = comprobación
check-column-required = obligatoria
check-column-verdict = veredicto
check-column-reason = motivo
check-column-submission = entrega
check-column-score = nota
# The "required" column of a required check.
check-required-yes = sí
# The "required" column of a check that is reported but not scored.
check-advisory = orientativa
# After an advisory check's id in a class's table header (with its leading space).
check-advisory-short = { " " }(orient.)
# A submission that could not be checked at all; $error says why.
check-could-not-run = no se pudo ejecutar: { $error }
# The folded evidence under a check's reason (HTML).
check-evidence = evidencias

## A class's page (--each, HTML). $count is how many submissions.

check-class-heading = socklab check: { $exercise } { $role }, una clase de { $count ->
        [one] { $count } entrega
       *[other] { $count } entregas
    }
check-class-command = Comando: { $command }
# $mean is the class's mean score (one decimal, with the language's decimal mark).
check-class-mean = Nota media { $mean } % (la parte de las comprobaciones obligatorias superadas; las orientativas, en cursiva y en un color más claro, nunca la bajan). Haz clic en una celda o en un nombre para ver las evidencias.
check-class-pass-rates = Tasa de aprobados de cada comprobación
# $passed of the $total submissions that ran a check passed it.
check-class-rate = { $passed } de { $total }
check-class-rate-advisory = { $passed } de { $total } (orientativa)
check-class-evidence = Evidencias

## Gradescope's results.json: a test's name ($id the check's id, $title what it asks,
## $verdict the verdict word), and the output over every test.

check-gradescope-name = { $id } { $title }: { $verdict }
check-gradescope-name-advisory = { $id } { $title }: { $verdict } (orientativa)
check-gradescope-output = socklab check { $exercise } { $role }: { $summary }

## The terminal: a line per check as it ends ($mark is PASS, FAIL or skip; $id the check's
## id, padded), then the counts ($summary is check-summary).

check-text-line = { $mark } { $id } { $title }: { $reason }
check-text-line-advisory = { $mark } { $id } { $title } (orientativa): { $reason }
check-text-tail = { $passed } { $passed ->
        [one] superada
       *[other] superadas
    }, { $failed } { $failed ->
        [one] fallida
       *[other] fallidas
    } ({ $summary })
check-text-tail-required-failed = { $passed } { $passed ->
        [one] superada
       *[other] superadas
    }, { $failed } { $failed ->
        [one] fallida
       *[other] fallidas
    } ({ $summary }); falló una comprobación obligatoria
check-text-confinement = confinamiento: { $confinement }

## Verdicts' reasons shared by every exercise. A reason's message id is its stable code in
## the JSON report (reason_code): an id with "exit" in it says how the program ended.

# A check passed: the server under test answered.
check-answered = respondió
# What a failure's reason gains when the program under test had ended: $reason is the
# failure's own reason, $code the exit code, $last the last line the program printed.
check-had-exited = { $reason }; el programa había terminado (código { $code })
check-had-exited-said = { $reason }; el programa había terminado (código { $code }): { $last }
check-had-exited-signal = { $reason }; el programa había terminado (por una señal)
check-had-exited-signal-said = { $reason }; el programa había terminado (por una señal): { $last }
# A server under test is not back for the next case. $count earlier connections of socklab's
# hold $port.
check-not-back-time-wait = el servidor no pudo arrancar de nuevo: { $count ->
        [one] { $count } conexión anterior de socklab aún ocupa
       *[other] { $count } conexiones anteriores de socklab aún ocupan
    } el puerto { $port } en TIME_WAIT, y no activa SO_REUSEADDR (culpa de socklab, no del programa)
# $why is check-exited-before-listening or check-nothing-listened.
check-not-back-exited = el servidor no volvió: { $why }
check-not-back = el servidor no volvió
# Every later check is skipped for this.
check-never-listened = el servidor nunca llegó a escuchar
check-listens = escucha en el puerto { $port }
# $why is why it did not listen; $sockets how many sockets the system's table lists on $port.
check-port-still-held = { $why }; el puerto { $port } sigue ocupado por otro socket ({ $sockets } en la tabla del sistema), lo que puede no ser culpa del programa
check-nothing-listened = nadie escuchó en el puerto { $port } en 5 s
# $code is the exit code; $last the last line the program printed.
check-exited-before-listening = el programa terminó (código { $code }) antes de escuchar en el puerto { $port }
check-exited-before-listening-said = el programa terminó (código { $code }) antes de escuchar en el puerto { $port }: { $last }
check-signal-exited-before-listening = el programa terminó (sin código: por una señal) antes de escuchar en el puerto { $port }
check-signal-exited-before-listening-said = el programa terminó (sin código: por una señal) antes de escuchar en el puerto { $port }: { $last }
# $wanted: what the program printed, each in quotes, separated by commas.
check-output-shows = su salida muestra { $wanted }
check-output-lacks = a su salida le falta { $missing }
check-traceback = un traceback
check-still-running = sigue en ejecución tras { $seconds } s
check-exit-code-0 = código de salida 0
check-exit-code = código de salida { $code }
check-ended-by-signal = terminado por una señal
# $after: what the program should have ended after ("the reply", "stop" in quotes, CORRECT).
check-still-running-after = sigue en ejecución 5 s después de { $after }
# socklab's own side of a check could not start; $name is its runner's name.
check-peer-could-not-start = el { $name } de socklab no pudo arrancar
check-cannot-write-capture = no se pudo escribir la captura { $path }: { $error }

## Reasons of the echo and uppercase checks. $message is what socklab sent (hello from
## socklab), $got what came back, escaped; "…-line" when the server answered only once
## socklab ended its line.

check-echo-came-back = "{ $message }" volvió como "{ $got }"
check-echo-came-back-line = "{ $message }" volvió como "{ $got }" cuando socklab terminó su línea con "\n", como la envía un cliente que lee líneas (readLine(), fgets()); todos los mensajes siguientes se envían también como líneas
# $count NUL bytes followed the answer.
check-echo-came-back-padded = "{ $message }" volvió como "{ $got }" y { $count } bytes NUL: el relleno de todo su búfer, enviado tras la respuesta (correcto; un cliente que imprime la respuesta muestra también el relleno)
check-echo-came-back-padded-line = "{ $message }" volvió como "{ $got }" y { $count } bytes NUL cuando socklab terminó su línea con "\n", como la envía un cliente que lee líneas (readLine(), fgets()); todos los mensajes siguientes se envían también como líneas: el relleno de todo su búfer, enviado tras la respuesta (correcto; un cliente que imprime la respuesta muestra también el relleno)
check-echo-nothing-back-newline = no volvió nada en 2 s, ni en 2 s tras un salto de línea
check-echo-nothing-back = no volvió nada en 2 s
check-echo-expected = se esperaba "{ $expected }", llegó "{ $got }"
check-echo-expected-line = se esperaba "{ $expected }", llegó "{ $got }" cuando socklab terminó su línea con "\n", como la envía un cliente que lee líneas (readLine(), fgets()); todos los mensajes siguientes se envían también como líneas
# $check is the id of the check that failed (echoes, upper).
check-echo-first-client-wrong = el primer cliente no recibió una respuesta correcta (falló { $check })
check-echo-second-client-answered = un segundo cliente recibió respuesta
check-echo-exited-after-first-client = el servidor terminó tras su primer cliente
check-echo-second-client-got = un segundo cliente recibió "{ $got }"
check-echo-session-echoed = tres mensajes, tres ecos
check-echo-got = llegó "{ $got }"
# $word is the stop word socklab sent (stop).
check-echo-stop-word-ended = "{ $word }" terminó la sesión; el cliente siguiente recibió respuesta
check-echo-stop-word-not-ended = "{ $word }" no terminó la sesión en 2 s
check-echo-exited-on-stop-word = el servidor terminó con "{ $word }"
check-echo-next-not-answered = el cliente siguiente no recibió respuesta
check-echo-cookbook-back = volvieron los 33 bytes
check-echo-cookbook-back-datagram = volvieron los 33 bytes en un solo datagrama
# $count datagrams came back where one was expected.
check-echo-cookbook-datagrams = volvieron { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    } ("{ $got }"): una respuesta leída con un solo recvfrom() recibe solo el primero
check-echo-no-echo-while-connected = ningún eco mientras otro cliente estaba conectado
# A client under test: $message is the line socklab typed, $want what it should print.
check-echo-sent-printed = envió "{ $message }", imprimió "{ $want }"
check-echo-sent-still-waiting = envió "{ $message }" pero no imprimió "{ $want }": sigue esperando, por ejemplo un salto de línea que la respuesta no tiene (socklab devuelve exactamente los bytes que recibió)
check-echo-sent-not-printed = envió "{ $message }" pero no imprimió "{ $want }"
check-echo-server-got-nothing = el servidor de socklab no recibió "{ $message }" en { $seconds } s
# What a client should end after (check-still-running-after's $after).
check-echo-after-stop = "stop"

## Reasons of the guess checks. $guess is a number socklab guessed, $reply the server's
## reply as it came, $count how many guesses.

check-guess-got = { $guess } recibió "{ $reply }"
check-guess-no-hint = ninguna respuesta leída como pista
# $error is why socklab's own client stopped playing (a contradiction, a timeout).
check-guess-failure = { $error }
check-guess-consistent = todas las respuestas encajan con un único número secreto
check-guess-no-answers = no hay respuestas que evaluar
check-guess-correct-at = CORRECT en { $guess } tras { $count ->
        [one] { $count } intento
       *[other] { $count } intentos
    }
check-guess-never-correct = nunca CORRECT
check-guess-server-exited = el servidor terminó
# socklab's own socket failed; $error is the system's message.
check-guess-socket-error = { $error }
check-guess-no-answer-to-50 = ninguna respuesta a 50 tras "abc"
check-guess-word-got = "abc" recibió "{ $reply }"; después 50 recibió una respuesta
check-guess-word-no-reply = "abc" no recibió respuesta; después 50 recibió una respuesta
check-guess-50-no-hint = 50 no recibió pista tras "abc"
# $secret is the number socklab's server kept.
check-guess-played = CORRECT ({ $secret }) tras { $count ->
        [one] { $count } intento tecleado
       *[other] { $count } intentos tecleados
    } a partir de sus pistas
# $typed: the lines the program typed, as a list.
check-guess-no-correct = ningún CORRECT tras { $count ->
        [one] { $count } intento
       *[other] { $count } intentos
    } (tecleado: { $typed })
check-guess-never-won = nunca ganó
check-guess-no-game = no se jugó ninguna partida antes de esta comprobación

## Why a check run could not run at all (the terminal's "error: …").

check-cannot-make-capture-folder = no se pudo crear la carpeta de capturas { $path }: { $error }
# $holder names what holds the port (a program and its process id).
check-port-busy = el puerto { $port } ya lo usa { $holder }: deténgalo primero, o compruebe en otro puerto
# $graded lists the exercises socklab check grades.
check-not-graded = socklab check no evalúa { $exercise }: evalúa { $graded }

## socklab check on the terminal: errors, progress and stops.

# $message says what went wrong.
check-error = error: { $message }
# An exercise socklab check does not grade was named; $graded lists those it grades.
check-one-of = uno de { $graded }
check-stopped = detenido: se terminó el programa bajo prueba
check-cannot-write = no se pudo escribir { $path }: { $error }
# --each: $done of $total files checked, $running being checked now.
check-progress = { $done }/{ $total } comprobados, { $running } en curso
check-stopped-files = detenido: { $done } de { $total } archivos comprobados
check-bad-pattern = patrón no válido { $pattern }: { $error }
check-no-file-matches = ningún archivo coincide con { $pattern }
check-jobs-no-port = --jobs { $jobs }: COMMAND no tiene {"{"}port{"}"}, así que todas las entregas necesitarían el puerto { $port }; se comprobarán de una en una

## Gradebooks (--student-from, --gradebook)

check-bad-student-from = --student-from { $pattern } no es una expresión regular: { $error }
check-bad-gradebook = --gradebook { $system }: socklab escribe para canvas o moodle
check-no-student-id = aviso: ningún identificador de estudiante en { $file } (--student-from): queda fuera del libro de calificaciones
