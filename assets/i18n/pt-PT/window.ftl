# pt-PT: the window's sections: Output, Traffic details, the Check section, dialogs

## Palavras que várias secções partilham

win-save = Guardar
win-stop-exercise = Parar { $exercise }
win-saved = guardado em { $path }
win-cannot-save = não foi possível guardar { $path }: { $error }

## A secção Verificar, em cada exercício

win-check-section = Verificar o programa de um aluno
win-check-intro = O socklab executa o programa (numa cópia temporária da sua pasta, confinado salvo se desmarcar abaixo), faz o outro papel e verifica-o segundo o enunciado.
win-check-program-is = O programa é o
win-check-server = servidor
win-check-client = cliente
win-check-what = Verificar
win-check-one-program = um programa
win-check-class = uma pasta de entregas
win-check-folder = Pasta das entregas
win-check-choose-folder = Escolher pasta…
win-check-file-in-each = Ficheiro em cada
win-check-file-in-each-hint = Um padrão dentro da pasta, p. ex. */TCPserver.py (uma pasta por aluno)
win-check-program = Programa
win-check-choose-program = Escolher programa…
win-check-language = Linguagem
win-check-any-command = qualquer comando
win-check-interpreter = Interpretador
win-check-build = Compilação
win-check-build-hint = Executado uma vez numa cópia da pasta do programa antes das verificações; {"{"}file{"}"} é o ficheiro do programa
win-check-arguments = Argumentos
win-check-arguments-hint = {"{"}host{"}"} e {"{"}port{"}"} são substituídos; um cliente de ficheiros aceita também {"{"}remote{"}"} e {"{"}local{"}"}
win-check-port = Porta
win-check-confine = Confinar o programa
win-check-confine-hint = Linux: ficheiros, portas TCP e sinais pelo Landlock, limites de CPU, memória, processos e ficheiros, e outro utilizador quando o socklab corre como root
win-check-untick-confine = ou desmarque "{ $checkbox }"
win-check-run = ▶ Executar verificações
win-check-stop = ⏹ Parar
win-check-save-report = Guardar relatório…
win-check-save-class-report = Guardar relatório da turma…
win-check-checking = a verificar…
win-check-or-save-to = ou guardar em
win-check-report-path-hint = relatorio.md ou relatorio.html
win-check-save-hint = Guardar o relatório no caminho aqui escrito (.html para uma página)
win-check-not-saved = o relatório não foi guardado
win-check-cannot-start = não foi possível iniciar a verificação: { $error }
win-check-bad-pattern = padrão inválido { $pattern }: { $error }
win-check-no-match = nenhum ficheiro corresponde a { $pattern }
win-pane-checks = verificações
win-pane-program-output = saída do programa
win-check-totals-required-passed = { $passed ->
        [one] { $passed } passou
       *[other] { $passed } passaram
    }, { $failed ->
        [one] { $failed } falhou
       *[other] { $failed } falharam
    } ({ $summary }), todas as verificações obrigatórias passaram
win-check-totals-required-failed = { $passed ->
        [one] { $passed } passou
       *[other] { $passed } passaram
    }, { $failed ->
        [one] { $failed } falhou
       *[other] { $failed } falharam
    } ({ $summary }), uma verificação obrigatória falhou
win-check-live-output = A saída do programa, enquanto corre:
win-check-class-progress = { $checked } de { $count ->
        [one] { $count } entrega verificada
       *[other] { $count } entregas verificadas
    }
win-check-could-not-run = não foi possível executar: { $error }
win-check-pass = PASSA
win-check-fail = FALHA
win-check-skip = omitida
win-check-class-pass = passa
win-check-class-fail = falha
win-check-class-skip = omitida
win-check-result = { $verdict } { $id } · { $title }: { $reason }
win-check-result-advisory = { $verdict } { $id } · { $title } (indicativa): { $reason }
win-check-sent = enviado: { $data }
win-check-received = recebido: { $data }
win-check-typed = escrito: { $data }
win-check-exit-code = código de saída { $code }
win-check-program-said = a saída do programa:

## A linha de estado de um servidor ou cliente

win-not-running = Parado
win-starting = a iniciar…
win-listening = à escuta em { $address }
win-talking = a comunicar com { $address }
win-ended-server-stopped = terminado: o servidor com que comunicava ({ $server }) parou

## As vistas sob um formulário: Saída, Tráfego, Cronologia, Ligações

win-output = Saída
win-traffic = Tráfego
win-timeline = Cronologia
win-connections = Ligações
win-pane-view = { $view ->
        [output] saída
        [traffic] tráfego
        [timeline] cronologia
       *[connections] ligações
    } do { $role ->
        [server] servidor
       *[client] cliente
    }
win-new-lines-below = { $count ->
        [one] { $n } linha nova
       *[other] { $n } linhas novas
    } abaixo, na Saída do { $role ->
        [server] servidor
       *[client] cliente
    }: mostrar
win-this-server = este servidor
win-this-client = este cliente

## Guardar o que o separador Tráfego contém

win-packets = { $count ->
        [one] { $n } pacote
       *[other] { $n } pacotes
    }
win-rows = { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    }
win-capture = Captura: { $packets }
win-capture-hint = O que passou na rede, reconstruído a partir das chamadas de socket do socklab como um ficheiro pcapng que abre no Wireshark (no máximo 16 MiB de dados e 200 000 pacotes por papel).
win-save-capture = Guardar captura…
win-save-csv = Guardar CSV…
win-save-csv-hint = As linhas do inspetor em CSV
win-open-wireshark = Abrir no Wireshark
win-or-to = ou em
win-path-hint = um caminho a escrever
win-save-capture-hint = Guardar a captura no caminho aqui escrito
win-save-as-csv = Guardar como CSV
win-save-as-csv-hint = Guardar as linhas do inspetor em CSV no caminho aqui escrito
win-saving = A guardar…
win-nothing-to-save = Ainda nada passou na rede.
win-traffic-saved = Guardado em { $path }: { $what }
win-traffic-cannot-save = Não foi possível guardar { $path }: { $error }
win-wireshark-failed = Não foi possível iniciar o Wireshark: { $error }
win-save-no-thread = Não foi possível começar a guardar (sem thread)
win-save-stopped = A gravação parou inesperadamente

## A página de um exercício

win-port-held = { $exercise } está em execução na porta { $port }: este servidor não pode escutar também nela.

## A vista Saída: os seus controlos e as suas linhas

win-show-hex = Mostrar hex
win-clear = Limpar
win-lines = { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    }
win-older-dropped = ({ $count ->
        [one] { $n } mais antiga descartada
       *[other] { $n } mais antigas descartadas
    })
win-bytes = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
win-log-accepted = accept(): nova ligação
win-log-connected = socket() em { $local }, a comunicar com { $peer }
win-log-bytes = { $count ->
        [one] { $way ->
            [sent] enviado
           *[received] recebido
        } { $n } byte
       *[other] { $way ->
            [sent] enviados
           *[received] recebidos
        } { $n } bytes
    } { $data }
win-log-packet = { $way ->
        [sent] enviado
       *[received] recebido
    } { $note }
win-log-dropped = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    } { $data } descartados pelo simulador: enviados, nunca entregues
win-log-sum = soma { $sum }: { $client_number } ({ $client_name }) + { $server_number } ({ $server_name }{ $role ->
        [server] , este servidor
       *[client] , o servidor
    })
win-log-format = formato: { $format }
win-log-sharing = a partilhar { $count ->
        [one] { $n } ficheiro
       *[other] { $n } ficheiros
    }
win-log-chunks = { $transport ->
        [tcp] { $count ->
            [one] { $n } bloco
           *[other] { $n } blocos
        }
       *[udp] { $count ->
            [one] { $n } datagrama
           *[other] { $n } datagramas
        }
    }
win-log-file-sent = enviado { $name }: { $bytes }, { $chunks }, { $seconds } s
win-log-file-saved = guardado { $path }: { $bytes }, { $chunks }, { $seconds } s
win-log-segments = { " " }em { $count } receções de { $sizes } bytes
win-log-guess = palpite n.º { $count }: { $guess } → { $reply }
win-log-not-a-number = não é um número (não conta) → { $reply }
win-log-secret = novo jogo; o segredo é
win-log-secret-hidden = { $text } oculto (marque "Mostrar segredo")
win-log-hint = sugestão: { $hint }

## A vista Tráfego: o inspetor

win-traffic-connection = Ligação
win-traffic-all = todas
win-traffic-direction = Sentido
win-traffic-all-directions = todos os sentidos
win-traffic-sent = enviados
win-traffic-received = recebidos
win-traffic-socket-calls = chamadas de socket
win-traffic-search = Procurar
win-traffic-hex = Hex
win-traffic-shown = { $shown } de { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    }
win-traffic-shown-dropped = { $shown } de { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    } ({ $dropped } mais antigas descartadas; no máximo { $kept } mantidas)
win-traffic-col-time = hora
win-traffic-col-connection = ligação
win-traffic-col-call = chamada
win-traffic-col-bytes = bytes
win-traffic-col-data = dados
win-traffic-col-hex = hex
win-traffic-col-call-bytes = chamada, bytes
win-traffic-listening = à escuta
win-traffic-text-listening = (socket à escuta)
win-traffic-socket-at = em { $local }
win-traffic-dgram-socket-at = SOCK_DGRAM em { $local }
win-traffic-dropped = descartado pelo simulador
win-traffic-bulk-sent = ×{ $chunks } · { $transport ->
        [tcp] blocos de
       *[udp] datagramas de
    } { $each } B · último { $last } B · { $total } no total
win-traffic-bulk-received = { $total } no total · { $count ->
        [one] { $n } bloco
       *[other] { $n } blocos
    } de { $each } B
win-traffic-bulk-datagrams = ×{ $chunks } · { $total } no total

## A vista Ligações

win-connections-latest = as últimas { $shown } de { $all } ligações (o Tráfego lista todas)
win-connections-col-close = fechar
win-connections-col-peer = par
win-connections-col-state = estado
win-connections-col-in = entrada
win-connections-col-out = saída
win-connections-close = Fechar
win-connections-row-hint = ligação n.º { $id } de { $peer }: iniciada às { $started }, última atividade às { $last }
win-link-open = aberta
win-link-heard-from = recebido de
win-link-talking-to = a comunicar com
win-link-closed = fechada
win-link-closed-because = fechada: { $reason }

## A vista Cronologia

win-timeline-none-yet = nenhuma ainda
win-timeline-latest = a mais recente: { $connection }
win-timeline-follow-latest = a mais recente (segue as novas)
win-timeline-listening-socket = socket à escuta: { $calls }
win-timeline-receives = { $receives } receções, { $bytes } no total
win-timeline-peer = par
win-timeline-stream-note = O TCP é um fluxo de bytes: um send() pode chegar em várias chamadas recv(), ou vários num só.
