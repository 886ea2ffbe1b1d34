# pt-BR: socklab check: checks' titles, verdicts' reasons and the reports

## The checks' titles: what each check asks of the program (a report's rows)

title-add-answers = responde com um nome e um inteiro
title-add-shows = mostra os dois nomes, os dois números e a soma
title-add-second-client = responde a um segundo cliente
title-add-split-request = lê uma requisição enviada em partes (campo a campo, ou cortada em duas)
title-add-concurrent = responde enquanto outro cliente fica em silêncio
title-add-garbage = continua servindo depois de uma requisição malformada
title-add-out-of-range-stops = para com um número fora de 1..100
title-add-sends = envia um nome e um número que o servidor do socklab lê
title-add-client-shows = mostra os dois nomes, os dois números e a soma
title-add-exits = termina com código 0 em até 5 s depois da resposta
title-add-reply-in-pieces = lê uma resposta enviada em duas partes
title-add-out-of-range-input = 150 digitado: recusa ou envia, e diz qual, sem traceback
title-add-no-server = sem servidor: uma mensagem de erro, não um traceback
title-listens = escuta em até 5 s depois de iniciar
title-echo-echoes = devolve uma mensagem byte a byte
title-echo-upper = responde com a frase em maiúsculas
title-echo-second-client = responde a um segundo cliente
title-echo-session = responde a várias mensagens na mesma conexão
title-echo-stop-word = uma palavra de parada encerra a sessão; o servidor continua
title-echo-cookbook-tcp = os 33 bytes do livro de receitas voltam, lidos em recepções de 16 bytes
title-echo-cookbook-udp = os 33 bytes do livro de receitas voltam inteiros em um só datagrama
title-echo-concurrent = responde enquanto outro cliente fica em silêncio
title-echo-sends-and-shows = envia a linha digitada e imprime o eco
title-echo-client-upper = envia a frase e a imprime em maiúsculas
title-echo-client-stop-word = "stop" digitado: o programa termina com código 0
title-file-sizes-arrive = arquivos de 1 a 70.000 bytes chegam idênticos
title-file-several = serve download após download
title-file-missing-name = um nome inexistente não o faz parar
title-file-traversal = nomes com ../ ou um caminho absoluto são recusados
title-file-empty-file = um arquivo vazio: a transferência termina e ele continua servindo
title-file-concurrent = serve um segundo cliente enquanto o primeiro fica em silêncio
title-file-chunks = todos os datagramas com 2048 bytes exceto o último, mais curto
title-file-exact-multiple-ends = um arquivo de 4096 bytes termina com um datagrama vazio
title-file-sizes-saved = arquivos de 1 a 70.000 bytes salvos idênticos
title-file-exits = termina com código 0 ao fim de cada transferência
title-file-missing-file = um arquivo inexistente: uma mensagem clara, sem traceback
title-file-exact-multiple-saved = um arquivo de 4096 bytes (dois datagramas cheios, depois um vazio) é salvo inteiro
title-file-pieces-saved = dados TCP em escritas de tamanhos irregulares são salvos idênticos
title-guess-answers = responde a um palpite com higher, lower ou correct
title-guess-consistent = as respostas batem com um único segredo em 1..99
title-guess-wins = dividir ao meio ganha em até 7 palpites
title-guess-not-a-number = uma palavra em vez de um número não o faz parar
title-guess-plays = seus palpites, a partir das dicas que imprime, chegam a CORRECT
title-guess-exits = termina com código 0 depois de CORRECT
title-builds = compila com o comando de compilação da disciplina

## Verdicts for people (a report's tables; the stable codes pass, fail, skip are not translated)

check-verdict-pass = passou
check-verdict-fail = falhou
check-verdict-skip = pulada
# The terminal's line per check starts with one of these.
check-mark-pass = PASSOU
check-mark-fail = FALHOU
check-mark-skip = pulada

## The counts and the score. $score is the percentage (already with the language's decimal
## mark); $passed of $total required checks; $advisory_passed of $advisory_total advisory ones.

check-summary = nota { $score } %: { $passed } de { $total } { $total ->
        [one] verificação obrigatória passou
       *[other] verificações obrigatórias passaram
    }; indicativas { $advisory_passed } de { $advisory_total }
check-summary-weighted = nota { $score } %: { $passed } de { $total } { $total ->
        [one] verificação obrigatória passou
       *[other] verificações obrigatórias passaram
    } (pontos do arquivo de pesos); indicativas { $advisory_passed } de { $advisory_total }

## Evidence (what was seen), in every report. $line is a typed line in quotes, $seconds
## when it was typed (one decimal, already with the language's decimal mark).

check-typed-at = { $line } aos { $seconds } s
check-evidence-sent = enviado: { $sent }
check-evidence-received = recebido: { $received }
check-evidence-typed = digitado: { $typed }
check-evidence-exit-code = código de saída: { $code }
check-evidence-output = a saída do programa:

## A weights file (--weights) that cannot be read. $line is a line number.

check-weights-not-json = não é um objeto JSON de pontos: { $error }
check-weights-bad-line = linha { $line }: "{ $text }" não é `id-da-verificação pontos [visibilidade]`
check-weights-bad-points = linha { $line }: "{ $points }" não é um número de pontos
check-weights-bad-visibility = linha { $line }: "{ $visibility }" não é uma visibilidade (hidden, after_due_date, after_published ou visible)
check-weights-negative = { $id }: { $points } pontos (os pontos são 0 ou mais)
check-weights-none = nenhuma verificação vale pontos

## The reports' pages (Markdown, HTML). $exercise and $role are the command line's words
## (tcp-add, server), not translated.

check-report-heading = socklab check: { $exercise } { $role }
check-report-program = Programa: { $command }
check-report-format = Formato: { $format }
check-report-confinement = Confinamento: { $confinement }
check-report-result = Resultado: { $summary }
check-column-check = verificação
check-column-required = obrigatória
check-column-verdict = veredicto
check-column-reason = motivo
check-column-submission = entrega
check-column-score = nota
# The "required" column of a required check.
check-required-yes = sim
# The "required" column of a check that is reported but not scored.
check-advisory = indicativa
# After an advisory check's id in a class's table header (with its leading space).
check-advisory-short = { " " }(ind.)
# A submission that could not be checked at all; $error says why.
check-could-not-run = não foi possível executar: { $error }
# The folded evidence under a check's reason (HTML).
check-evidence = evidências

## A class's page (--each, HTML). $count is how many submissions.

check-class-heading = socklab check: { $exercise } { $role }, uma turma de { $count ->
        [one] { $count } entrega
       *[other] { $count } entregas
    }
check-class-command = Comando: { $command }
# $mean is the class's mean score (one decimal, with the language's decimal mark).
check-class-mean = Nota média { $mean } % (a parte das verificações obrigatórias que passaram; as indicativas, em itálico e em uma cor mais clara, nunca a baixam). Clique em uma célula ou em um nome para ver as evidências.
check-class-pass-rates = Taxa de aprovação de cada verificação
# $passed of the $total submissions that ran a check passed it.
check-class-rate = { $passed } de { $total }
check-class-rate-advisory = { $passed } de { $total } (indicativa)
check-class-evidence = Evidências

## Gradescope's results.json: a test's name ($id the check's id, $title what it asks,
## $verdict the verdict word), and the output over every test.

check-gradescope-name = { $id } { $title }: { $verdict }
check-gradescope-name-advisory = { $id } { $title }: { $verdict } (indicativa)
check-gradescope-output = socklab check { $exercise } { $role }: { $summary }

## The terminal: a line per check as it ends ($mark is PASS, FAIL or skip; $id the check's
## id, padded), then the counts ($summary is check-summary).

check-text-line = { $mark } { $id } { $title }: { $reason }
check-text-line-advisory = { $mark } { $id } { $title } (indicativa): { $reason }
check-text-tail = { $passed } { $passed ->
        [one] passou
       *[other] passaram
    }, { $failed } { $failed ->
        [one] falhou
       *[other] falharam
    } ({ $summary })
check-text-tail-required-failed = { $passed } { $passed ->
        [one] passou
       *[other] passaram
    }, { $failed } { $failed ->
        [one] falhou
       *[other] falharam
    } ({ $summary }); falhou uma verificação obrigatória
check-text-confinement = confinamento: { $confinement }

## Verdicts' reasons shared by every exercise. A reason's message id is its stable code in
## the JSON report (reason_code): an id with "exit" in it says how the program ended.

# A check passed: the server under test answered.
check-answered = respondeu
# What a failure's reason gains when the program under test had ended: $reason is the
# failure's own reason, $code the exit code, $last the last line the program printed.
check-had-exited = { $reason }; o programa tinha terminado (código { $code })
check-had-exited-said = { $reason }; o programa tinha terminado (código { $code }): { $last }
check-had-exited-signal = { $reason }; o programa tinha terminado (por um sinal)
check-had-exited-signal-said = { $reason }; o programa tinha terminado (por um sinal): { $last }
# A server under test is not back for the next case. $count earlier connections of socklab's
# hold $port.
check-not-back-time-wait = o servidor não conseguiu iniciar de novo: { $count ->
        [one] { $count } conexão anterior do socklab ainda ocupa
       *[other] { $count } conexões anteriores do socklab ainda ocupam
    } a porta { $port } em TIME_WAIT, e ele não define SO_REUSEADDR (responsabilidade do socklab, não do programa)
# $why is check-exited-before-listening or check-nothing-listened.
check-not-back-exited = o servidor não voltou: { $why }
check-not-back = o servidor não voltou
# Every later check is skipped for this.
check-never-listened = o servidor nunca começou a escutar
check-listens = está escutando na porta { $port }
# $why is why it did not listen; $sockets how many sockets the system's table lists on $port.
check-port-still-held = { $why }; a porta { $port } ainda está ocupada por outro socket ({ $sockets } na tabela do sistema), o que pode não ser culpa do programa
check-nothing-listened = ninguém escutou na porta { $port } em 5 s
# $code is the exit code; $last the last line the program printed.
check-exited-before-listening = o programa terminou (código { $code }) antes de escutar na porta { $port }
check-exited-before-listening-said = o programa terminou (código { $code }) antes de escutar na porta { $port }: { $last }
check-signal-exited-before-listening = o programa terminou (sem código: por um sinal) antes de escutar na porta { $port }
check-signal-exited-before-listening-said = o programa terminou (sem código: por um sinal) antes de escutar na porta { $port }: { $last }
# $wanted: what the program printed, each in quotes, separated by commas.
check-output-shows = a saída mostra { $wanted }
check-output-lacks = a saída não mostra { $missing }
check-traceback = um traceback
check-still-running = ainda rodando após { $seconds } s
check-exit-code-0 = código de saída 0
check-exit-code = código de saída { $code }
check-ended-by-signal = terminado por um sinal
# $after: what the program should have ended after ("the reply", "stop" in quotes, CORRECT).
check-still-running-after = ainda rodando 5 s depois de { $after }
# socklab's own side of a check could not start; $name is its runner's name.
check-peer-could-not-start = o { $name } do socklab não conseguiu iniciar
check-cannot-write-capture = não foi possível escrever a captura { $path }: { $error }

## Reasons of the echo and uppercase checks. $message is what socklab sent (hello from
## socklab), $got what came back, escaped; "…-line" when the server answered only once
## socklab ended its line.

check-echo-came-back = "{ $message }" voltou como "{ $got }"
check-echo-came-back-line = "{ $message }" voltou como "{ $got }" depois que o socklab terminou a linha com "\n", como a envia um cliente que lê linhas (readLine(), fgets()); todas as mensagens seguintes são enviadas também como linhas
# $count NUL bytes followed the answer.
check-echo-came-back-padded = "{ $message }" voltou como "{ $got }" e { $count } bytes NUL: o preenchimento do buffer inteiro, enviado depois da resposta (correto; um cliente que imprime a resposta mostra também o preenchimento)
check-echo-came-back-padded-line = "{ $message }" voltou como "{ $got }" e { $count } bytes NUL depois que o socklab terminou a linha com "\n", como a envia um cliente que lê linhas (readLine(), fgets()); todas as mensagens seguintes são enviadas também como linhas: o preenchimento do buffer inteiro, enviado depois da resposta (correto; um cliente que imprime a resposta mostra também o preenchimento)
check-echo-nothing-back-newline = nada voltou em 2 s, nem em 2 s depois de uma quebra de linha
check-echo-nothing-back = nada voltou em 2 s
check-echo-expected = esperava "{ $expected }", chegou "{ $got }"
check-echo-expected-line = esperava "{ $expected }", chegou "{ $got }" depois que o socklab terminou a linha com "\n", como a envia um cliente que lê linhas (readLine(), fgets()); todas as mensagens seguintes são enviadas também como linhas
# $check is the id of the check that failed (echoes, upper).
check-echo-first-client-wrong = o primeiro cliente não recebeu uma resposta certa ({ $check } falhou)
check-echo-second-client-answered = um segundo cliente recebeu resposta
check-echo-exited-after-first-client = o servidor terminou depois do primeiro cliente
check-echo-second-client-got = um segundo cliente recebeu "{ $got }"
check-echo-session-echoed = três mensagens, três ecos
check-echo-got = chegou "{ $got }"
# $word is the stop word socklab sent (stop).
check-echo-stop-word-ended = "{ $word }" terminou a sessão; o cliente seguinte recebeu resposta
check-echo-stop-word-not-ended = "{ $word }" não terminou a sessão em 2 s
check-echo-exited-on-stop-word = o servidor terminou com "{ $word }"
check-echo-next-not-answered = o cliente seguinte não recebeu resposta
check-echo-cookbook-back = os 33 bytes voltaram
check-echo-cookbook-back-datagram = os 33 bytes voltaram em um só datagrama
# $count datagrams came back where one was expected.
check-echo-cookbook-datagrams = voltaram { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    } ("{ $got }"): uma resposta lida com um só recvfrom() recebe apenas o primeiro
check-echo-no-echo-while-connected = nenhum eco enquanto outro cliente estava conectado
# A client under test: $message is the line socklab typed, $want what it should print.
check-echo-sent-printed = enviou "{ $message }", imprimiu "{ $want }"
check-echo-sent-still-waiting = enviou "{ $message }" mas não imprimiu "{ $want }": ainda está esperando, por exemplo, uma quebra de linha que a resposta não tem (o socklab devolve exatamente os bytes que recebeu)
check-echo-sent-not-printed = enviou "{ $message }" mas não imprimiu "{ $want }"
check-echo-server-got-nothing = o servidor do socklab não recebeu "{ $message }" em { $seconds } s
# What a client should end after (check-still-running-after's $after).
check-echo-after-stop = "stop"

## Reasons of the guess checks. $guess is a number socklab guessed, $reply the server's
## reply as it came, $count how many guesses.

check-guess-got = { $guess } recebeu "{ $reply }"
check-guess-no-hint = nenhuma resposta lida como pista
# $error is why socklab's own client stopped playing (a contradiction, a timeout).
check-guess-failure = { $error }
check-guess-consistent = todas as respostas condizem com um único número secreto
check-guess-no-answers = não há respostas para avaliar
check-guess-correct-at = CORRECT em { $guess } ao fim de { $count ->
        [one] { $count } palpite
       *[other] { $count } palpites
    }
check-guess-never-correct = nunca CORRECT
check-guess-server-exited = o servidor terminou
# socklab's own socket failed; $error is the system's message.
check-guess-socket-error = { $error }
check-guess-no-answer-to-50 = nenhuma resposta a 50 depois de "abc"
check-guess-word-got = "abc" recebeu "{ $reply }"; 50 recebeu uma resposta em seguida
check-guess-word-no-reply = "abc" não recebeu resposta; 50 recebeu uma resposta em seguida
check-guess-50-no-hint = 50 não recebeu pista depois de "abc"
# $secret is the number socklab's server kept.
check-guess-played = CORRECT ({ $secret }) ao fim de { $count ->
        [one] { $count } palpite digitado
       *[other] { $count } palpites digitados
    } a partir das suas pistas
# $typed: the lines the program typed, as a list.
check-guess-no-correct = nenhum CORRECT ao fim de { $count ->
        [one] { $count } palpite
       *[other] { $count } palpites
    } (digitado: { $typed })
check-guess-never-won = nunca ganhou
check-guess-no-game = nenhum jogo foi jogado antes desta verificação

## Why a check run could not run at all (the terminal's "error: …").

check-cannot-make-capture-folder = não foi possível criar a pasta de capturas { $path }: { $error }
# $holder names what holds the port (a program and its process id).
check-port-busy = a porta { $port } já está sendo usada por { $holder }: pare-o primeiro, ou verifique em outra porta
# $graded lists the exercises socklab check grades.
check-not-graded = o socklab check não avalia { $exercise }: avalia { $graded }

## socklab check on the terminal: errors, progress and stops.

# $message says what went wrong.
check-error = erro: { $message }
# An exercise socklab check does not grade was named; $graded lists those it grades.
check-one-of = um de { $graded }
check-stopped = parado: o programa em teste foi encerrado
check-cannot-write = não foi possível escrever { $path }: { $error }
# --each: $done of $total files checked, $running being checked now.
check-progress = { $done }/{ $total } verificados, { $running } em andamento
check-stopped-files = parado: { $done } de { $total } arquivos verificados
check-bad-pattern = padrão inválido { $pattern }: { $error }
check-no-file-matches = nenhum arquivo corresponde a { $pattern }
check-jobs-no-port = --jobs { $jobs }: COMMAND não tem {"{"}port{"}"}, por isso todas as entregas precisariam da porta { $port }; verificando uma de cada vez

## Gradebooks (--student-from, --gradebook)

check-bad-student-from = --student-from { $pattern } não é uma expressão regular: { $error }
check-bad-gradebook = --gradebook { $system }: o socklab escreve para canvas ou moodle
check-no-student-id = aviso: nenhuma identificação de aluno em { $file } (--student-from): fica fora do diário de notas
