# pt-PT: socklab check: the reasons of the add and file exercises' checks, and what socklab says of the program it runs and confines (its start, its build, its limits, its confinement, the ports it needs)

## The add exercise's checks (socklab check tcp-add/udp-add): each verdict's reason

case-add-answered-in = "{ $name }" e { $number } em resposta a { $sent } ({ $format })
case-add-no-reply-in-any-format = nenhuma resposta que o socklab conseguisse ler, em nenhum dos seus formatos
case-add-never-answered = o servidor nunca respondeu
case-add-exited-after-first-client = o servidor terminou depois do primeiro cliente
case-add-second-answered = um segundo cliente teve resposta
case-add-second-no-reply = um segundo cliente não teve resposta
case-add-udp-whole = UDP: um datagrama chega inteiro
case-add-udp-no-connection = UDP não tem ligação que se possa manter aberta
case-add-answered = respondeu
case-add-no-reply-beside-silent = sem resposta enquanto outro cliente se mantinha ligado e calado
case-add-no-reply-after-malformed = sem resposta a um pedido normal depois de um mal formado
case-add-exited-on-malformed = o servidor terminou com um pedido mal formado
case-add-150-answered = 150 teve como resposta { $number } (uma soma de { $sum })
case-add-150-not-exited = sem resposta, mas o servidor não terminou em 3 s
case-add-150-exited-port-kept = terminou, mas a porta não foi libertada em 3 s
case-add-150-stopped = sem resposta a 150; terminou e libertou a porta
case-add-no-reply-to-pieces = nenhuma resposta que o socklab conseguisse ler a um pedido enviado em { $count ->
        [one] { $count } pedaço
       *[other] { $count } pedaços
    }: "{ $got }"
case-add-io-error = { $error }
case-add-own-server-failed = o servidor add do socklab não conseguiu arrancar
case-add-no-format-yet = nenhum formato foi encontrado antes desta verificação
case-add-sent = "{ $name }" e { $number } ({ $format })
case-add-sent-own-name = "{ $name }" e { $number } ({ $format }) (foi escrito "{ $typed }"; enviou o nome escrito no seu código)
case-add-sent-name-in-code = "{ $name }" e { $number } ({ $format }) (o nome está escrito no seu código: não pediu nenhum)
case-add-ended-without-request = o programa terminou sem enviar um pedido que o socklab conseguisse ler
case-add-no-request = nenhum pedido que o socklab conseguisse ler em { $seconds } s
case-add-no-request-read = nenhum pedido foi lido
case-add-after-reply = a resposta
case-add-showed-sum = mostrou a soma
case-add-exit-none = nenhum
case-add-150-sent-exited-silently = enviou 150 e terminou sem dizer nada (código de saída { $code }): quem o usa não percebe o que aconteceu
case-add-150-nothing-exited-silently = não enviou nada e terminou sem dizer nada (código de saída { $code }): quem o usa não percebe o que aconteceu
case-add-150-sent-said = enviou 150 (o servidor do socklab respondeu como no laboratório: sem resposta), e disse: "{ $said }"
case-add-150-refused-said = recusou 150 sem o enviar, e disse: "{ $said }"
case-add-ended-with-message = terminou com uma mensagem
case-add-never-connected = nunca se ligou
case-add-no-request-read-short = nenhum pedido lido
case-add-sum-not-shown = não mostrou a soma { $sum } depois de uma resposta em dois pedaços

## The file exercise's checks (socklab check tcp-file/udp-file): each verdict's reason

case-file-no-thread = sem thread
case-file-no-end = sem fim
case-file-arrived-different = { $size } B chegaram como { $got } B, diferentes
case-file-sizes-wrong = { $wrong }
case-file-sizes-identical = { $count ->
        [one] { $count } tamanho, idêntico byte a byte
       *[other] { $count } tamanhos, cada um idêntico byte a byte
    }
case-file-one-process = um só processo serviu todas as transferências
case-file-exits-after-each = foi arrancado { $starts ->
        [one] uma vez
       *[other] { $starts } vezes
    } para { $downloads } transferências: termina depois de cada transferência
case-file-exited-on-missing = o servidor terminou com um ficheiro inexistente
case-file-next-failed-after-missing = a transferência seguinte falhou depois de um ficheiro inexistente
case-file-went-on = continuou a servir
case-file-udp-no-connection = UDP não tem ligação que se possa manter aberta
case-file-served-beside-silent = uma transferência foi servida enquanto outro cliente se mantinha ligado e calado
case-file-download-different = o ficheiro transferido chegou diferente
case-file-no-download-beside-silent = nenhuma transferência enquanto outro cliente se mantinha ligado e calado: { $error }
case-file-io-error = { $error }
case-file-stayed-open = a ligação ficou aberta { $seconds } s depois de { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: um cliente do enunciado esperaria para sempre
case-file-no-datagram = nenhum datagrama voltou
case-file-then-silence = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } e depois silêncio, sem um datagrama mais curto que os terminasse
case-file-no-scratch-folder = o servidor não corre numa pasta de trabalho de onde se possa espreitar para fora
case-file-no-parent = a pasta do servidor não tem pasta-mãe
case-file-was-sent = "{ $name }" foi enviado
case-file-traversal-refused = nem ../nome nem um caminho absoluto foram enviados
case-file-traversal-served = { $sent }: qualquer ficheiro que o utilizador do servidor possa ler é servido
case-file-exited-on-empty = o servidor terminou com um ficheiro vazio
case-file-empty-closed = a ligação fechou sem dados
case-file-empty-datagram = um datagrama vazio
case-file-bytes-for-empty = { $count ->
        [one] { $count } byte chegou
       *[other] { $count } bytes chegaram
    } para um ficheiro vazio
case-file-empty-served-next = { $ended }, e serviu a transferência seguinte
case-file-empty-next-different = { $ended }, mas a transferência seguinte chegou diferente
case-file-empty-next-failed = { $ended }, mas a transferência seguinte falhou: { $error }
case-file-datagrams = { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    }, o último com { $last ->
        [one] { $last } byte
       *[other] { $last } bytes
    }
case-file-no-empty-datagram = { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    } de 2048 bytes e nenhum vazio depois: um cliente do enunciado esperaria para sempre
case-file-datagram-sizes = tamanhos dos datagramas { $sizes } para um ficheiro de { $file } bytes
case-file-run-exit-code = { $size } B: código de saída { $code }
case-file-run-still-running = { $size } B: ainda a correr ao fim de { $seconds } s
case-file-saved-different = { $size } B gravados como { $got } B, diferentes
case-file-size-nothing-saved = { $size } B: nada gravado
case-file-exit-0-every-time = código de saída 0 sempre
case-file-exit-codes = { $runs }
case-file-exit-none = nenhum
case-file-ended-empty-left = terminou sem traceback (ficou um ficheiro vazio)
case-file-ended-cleanly = terminou sem traceback
case-file-running-after-empty-datagram = ainda a correr { $seconds } s depois do datagrama vazio que termina um ficheiro de { $size } bytes
case-file-stopped-at-empty-datagram = parou no datagrama vazio e gravou { $size } bytes, idênticos
case-file-exit-nothing-saved = código de saída { $code }, nada gravado
case-file-exit-saved = código de saída { $code }, { $count ->
        [one] { $count } byte gravado
       *[other] { $count } bytes gravados
    }
case-file-exit-saved-different = código de saída { $code }, { $count ->
        [one] { $count } byte gravado
       *[other] { $count } bytes gravados
    }, diferentes
case-file-udp-whole = UDP: um datagrama chega inteiro
case-file-pieces-identical = gravado idêntico; { $pieces }
case-file-pieces-nothing-saved = nada gravado; { $pieces }
case-file-pieces-different = { $count ->
        [one] { $count } byte gravado
       *[other] { $count } bytes gravados
    }, diferentes; { $pieces }
case-file-pieces-written = { $size } bytes escritos em pedaços de { $pieces } bytes
case-file-cannot-listen = o socklab não conseguiu ficar à escuta na porta { $port }: { $error }

## The program under test: why it could not run, what was cut from its output

case-program-cannot-run = não é possível correr { $command }: { $reason }
case-program-stopped = a verificação foi parada
case-program-no-command = nenhum comando dado
case-program-no-copy = { $error }
case-program-cannot-copy = não é possível copiar { $folder }: { $error }
case-program-spawn-failed = { $error }
case-program-output-dropped = [{ $count ->
        [one] mais { $count } byte não guardado
       *[other] mais { $count } bytes não guardados
    }]
case-program-no-plan = sem plano
case-program-launcher-silent = o lançador não disse o que aplicou

## The build (--build): the "builds" check's reason; $line the build command

case-build-ended = "{ $line }" terminou com código 0
case-build-failed = "{ $line }" falhou com código { $code }
case-build-signal = "{ $line }" foi terminado por um sinal
case-build-timed-out = "{ $line }" não terminou em { $seconds } s: parado

## A limit that stopped the program (added to a check's reason in brackets)

case-limit-memory = parado: limite de memória de { $mib } MiB
case-limit-cpu = parado: limite de CPU de { $seconds } s
case-limit-file-size = parado: limite de tamanho de ficheiro de { $mib } MiB
case-limit-processes = parado: limite de { $count } processos
case-limit-open-files = parado: limite de { $count } ficheiros abertos

## Confinement: what was applied to the program under test, or why not (reports, the window)

case-confine-off-asked = --no-confine: corre com todos os direitos do utilizador
case-confine-no-landlock-system = este sistema não tem Landlock: corre com todos os direitos do utilizador
case-confine-linux-only = o confinamento só funciona em Linux
case-confine-user-own = o do próprio utilizador
case-confine-user-named = { $user } (uid { $uid })
case-confine-user-checking = o do utilizador que verifica (uid { $uid })
case-confine-no-passwd = { $error }
case-confine-no-user = não existe o utilizador { $user } neste sistema (--as-user NOME)
case-confine-not-found = { $program }: não encontrado
case-confine-no-spec = { $error }
case-confine-interpreter-closed = o interpretador { $interpreter } está em { $folder }, onde o utilizador { $user } não pode entrar: use um interpretador que qualquer utilizador possa correr (p. ex. /usr/bin/python3), { $hint }
case-confine-cannot-give = não é possível dar { $folder } ao utilizador { $user }: { $error }
case-confine-no-launcher = não foi encontrado o programa socklab que confina os programas em teste (ou corra sem confinamento)
case-confine-cannot-exec = não é possível correr { $program }: { $error }
case-confine-cannot-confine = não é possível confinar o programa: { $why }
case-confine-no-spec-given = nenhum confinamento indicado
case-confine-memory-and-processes-by-cgroup = memória residente e processos por um { $cgroup }, segmento de dados de { $data } MiB por processo
case-confine-memory-by-cgroup = memória residente por um { $cgroup }, segmento de dados de { $data } MiB por processo
case-confine-memory-by-data = segmento de dados de { $data } MiB por processo
case-confine-no-cgroup = memória residente: não foi possível criar um cgroup ({ $why }): em vez disso, limita-se o segmento de dados de cada processo
case-confine-cgroup-not-joined = memória residente: o programa não conseguiu entrar no seu cgroup
case-confine-limit-cpu = o limite de segundos de CPU
case-confine-limit-data = o limite do segmento de dados
case-confine-limit-processes = o limite de processos
case-confine-limit-file-size = o limite de tamanho de ficheiro
case-confine-limit-open-files = o limite de ficheiros abertos
case-confine-limit-core = o limite de ficheiros core
case-confine-as-root = corre como root (--as-user root): o limite de processos não se aplica ao root
case-confine-no-landlock-kernel = Landlock: este kernel não o tem (ou está desativado): ficheiros, portas e sinais não são confinados
case-confine-no-tcp-rules = portas TCP: o Landlock ABI { $abi } não tem regras de rede (ABI 4, Linux 6.7)
case-confine-no-signal-scope = sinais: o Landlock ABI { $abi } não os delimita (ABI 6, Linux 6.12)
case-confine-landlock-error = Landlock: { $error }
case-confine-line-off = não confinado: { $why }
case-confine-line-windows = confinado por um Job object do Windows; todos os seus processos são terminados a cada caso; ficheiros e portas não são confinados
case-confine-line-windows-limits = confinado por um Job object do Windows: no máximo { $processes } processos, { $memory } MiB de memória, { $cpu } s de tempo de CPU; todos os seus processos são terminados a cada caso; ficheiros e portas não são confinados
case-confine-line = confinado (Landlock ABI { $abi }, { $landlock }): { $what }; como utilizador { $user }
case-confine-part-files = ficheiros (pastas do sistema e interpretador só para leitura, escrita só na sua cópia de trabalho)
case-confine-part-tcp-ports = portas TCP (só a do exercício)
case-confine-part-signals = sinais e sockets UNIX abstratos (só os seus próprios processos)
case-confine-part-nothing = nada pelo Landlock
case-confine-landlock-full = aplicado por completo
case-confine-landlock-partial = aplicado em parte
case-confine-landlock-none = não aplicado
case-confine-line-limits = ; limites: { $cpu } s de CPU, { $memory } MiB de memória, { $processes } processos, { $files } MiB de ficheiros, { $open } ficheiros abertos
case-confine-line-limits-memory = ; limites: { $cpu } s de CPU, { $memory } MiB de memória ({ $bound }), { $processes } processos, { $files } MiB de ficheiros, { $open } ficheiros abertos
case-confine-line-missing = ; não aplicado: { $what }

## cgroups (why none could be made, inside case-confine-no-cgroup)

case-cgroup-no-memory-controller = não está montada nenhuma hierarquia de cgroups com o controlador de memória
case-cgroup-no-group = nenhum grupo

## Ports: who holds one, and a port the system lends to outgoing connections

case-port-held-by-socklab = o próprio socklab (PID { $pid }: um dos seus servidores)
case-port-held-by-another = outro programa
case-port-ephemeral-note = nota: a porta { $port } está na gama deste sistema para ligações de saída ({ $low }-{ $high }): qualquer ligação a pode ocupar durante algum tempo, e o servidor de um aluno não consegue então ficar à escuta nela; uma porta abaixo de { $low } (12000, { $first }-{ $last }) evita isso
