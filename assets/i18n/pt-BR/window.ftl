# pt-BR: the window's sections: Output, Traffic details, the Check section, dialogs

## Palavras que várias seções compartilham

win-save = Salvar
win-stop-exercise = Parar { $exercise }
win-saved = salvo em { $path }
win-cannot-save = não foi possível salvar { $path }: { $error }

## A seção Verificar, em cada exercício

win-check-section = Verificar o programa de um aluno
win-check-intro = O socklab executa o programa (em uma cópia temporária da sua pasta, confinado a menos que você desmarque abaixo), faz o outro papel e o verifica segundo o enunciado.
win-check-program-is = O programa é o
win-check-server = servidor
win-check-client = cliente
win-check-what = Verificar
win-check-one-program = um programa
win-check-class = uma pasta de entregas
win-check-folder = Pasta das entregas
win-check-choose-folder = Escolher pasta…
win-check-file-in-each = Arquivo em cada
win-check-file-in-each-hint = Um padrão dentro da pasta, p. ex. */TCPserver.py (uma pasta por aluno)
win-check-program = Programa
win-check-choose-program = Escolher programa…
win-check-language = Linguagem
win-check-any-command = qualquer comando
win-check-interpreter = Interpretador
win-check-build = Compilação
win-check-build-hint = Executado uma vez em uma cópia da pasta do programa antes das verificações; {"{"}file{"}"} é o arquivo do programa
win-check-arguments = Argumentos
win-check-arguments-hint = {"{"}host{"}"} e {"{"}port{"}"} são substituídos; um cliente de arquivos aceita também {"{"}remote{"}"} e {"{"}local{"}"}
win-check-port = Porta
win-check-confine = Confinar o programa
win-check-confine-hint = Linux: arquivos, portas TCP e sinais pelo Landlock, limites de CPU, memória, processos e arquivos, e outro usuário quando o socklab roda como root
win-check-untick-confine = ou desmarque "{ $checkbox }"
win-check-run = ▶ Executar verificações
win-check-stop = ⏹ Parar
win-check-save-report = Salvar relatório…
win-check-save-class-report = Salvar relatório da turma…
win-check-checking = verificando…
win-check-or-save-to = ou salvar em
win-check-report-path-hint = relatorio.md ou relatorio.html
win-check-save-hint = Salvar o relatório no caminho digitado aqui (.html para uma página)
win-check-not-saved = o relatório não foi salvo
win-check-cannot-start = não foi possível iniciar a verificação: { $error }
win-check-bad-pattern = padrão inválido { $pattern }: { $error }
win-check-no-match = nenhum arquivo corresponde a { $pattern }
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
win-check-live-output = A saída do programa, enquanto roda:
win-check-class-progress = { $checked } de { $count ->
        [one] { $count } entrega verificada
       *[other] { $count } entregas verificadas
    }
win-check-could-not-run = não foi possível executar: { $error }
win-check-pass = PASSA
win-check-fail = FALHA
win-check-skip = pulada
win-check-class-pass = passa
win-check-class-fail = falha
win-check-class-skip = pulada
win-check-result = { $verdict } { $id } · { $title }: { $reason }
win-check-result-advisory = { $verdict } { $id } · { $title } (indicativa): { $reason }
win-check-sent = enviado: { $data }
win-check-received = recebido: { $data }
win-check-typed = digitado: { $data }
win-check-exit-code = código de saída { $code }
win-check-program-said = a saída do programa:

## A linha de estado de um servidor ou cliente

win-not-running = Parado
win-starting = iniciando…
win-listening = escutando em { $address }
win-talking = conversando com { $address }
win-ended-server-stopped = terminado: o servidor com que conversava ({ $server }) parou

## As vistas sob um formulário: Saída, Tráfego, Linha do tempo, Conexões

win-output = Saída
win-traffic = Tráfego
win-timeline = Linha do tempo
win-connections = Conexões
win-pane-view = { $view ->
        [output] saída
        [traffic] tráfego
        [timeline] linha do tempo
       *[connections] conexões
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

## Salvar o que a aba Tráfego contém

win-packets = { $count ->
        [one] { $n } pacote
       *[other] { $n } pacotes
    }
win-rows = { $count ->
        [one] { $n } linha
       *[other] { $n } linhas
    }
win-capture = Captura: { $packets }
win-capture-hint = O que passou na rede, reconstruído a partir das chamadas de socket do socklab como um arquivo pcapng que abre no Wireshark (no máximo 16 MiB de dados e 200.000 pacotes por papel).
win-save-capture = Salvar captura…
win-save-csv = Salvar CSV…
win-save-csv-hint = As linhas do inspetor em CSV
win-open-wireshark = Abrir no Wireshark
win-or-to = ou em
win-path-hint = um caminho para digitar
win-save-capture-hint = Salvar a captura no caminho digitado aqui
win-save-as-csv = Salvar como CSV
win-save-as-csv-hint = Salvar as linhas do inspetor em CSV no caminho digitado aqui
win-saving = Salvando…
win-nothing-to-save = Nada passou pela rede ainda.
win-traffic-saved = Salvo em { $path }: { $what }
win-traffic-cannot-save = Não foi possível salvar { $path }: { $error }
win-wireshark-failed = Não foi possível iniciar o Wireshark: { $error }
win-save-no-thread = Não foi possível começar a salvar (sem thread)
win-save-stopped = O salvamento parou inesperadamente

## A página de um exercício

win-port-held = { $exercise } está rodando na porta { $port }: este servidor também não pode escutar nela.

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
win-log-accepted = accept(): nova conexão
win-log-connected = socket() em { $local }, conversando com { $peer }
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
win-log-sharing = compartilhando { $count ->
        [one] { $n } arquivo
       *[other] { $n } arquivos
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
win-log-file-saved = salvo { $path }: { $bytes }, { $chunks }, { $seconds } s
win-log-segments = { " " }em { $count } recepções de { $sizes } bytes
win-log-guess = palpite nº { $count }: { $guess } → { $reply }
win-log-not-a-number = não é um número (não conta) → { $reply }
win-log-secret = novo jogo; o segredo é
win-log-secret-hidden = { $text } oculto (marque "Mostrar segredo")
win-log-hint = dica: { $hint }

## A vista Tráfego: o inspetor

win-traffic-connection = Conexão
win-traffic-all = todas
win-traffic-direction = Sentido
win-traffic-all-directions = todos os sentidos
win-traffic-sent = enviados
win-traffic-received = recebidos
win-traffic-socket-calls = chamadas de socket
win-traffic-search = Buscar
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
win-traffic-col-connection = conexão
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

## A vista Conexões

win-connections-latest = as últimas { $shown } de { $all } conexões (o Tráfego lista todas)
win-connections-col-close = fechar
win-connections-col-peer = par
win-connections-col-state = estado
win-connections-col-in = entrada
win-connections-col-out = saída
win-connections-close = Fechar
win-connections-row-hint = conexão nº { $id } de { $peer }: iniciada às { $started }, última atividade às { $last }
win-link-open = aberta
win-link-heard-from = recebido de
win-link-talking-to = conversando com
win-link-closed = fechada
win-link-closed-because = fechada: { $reason }

## A vista Linha do tempo

win-timeline-none-yet = nenhuma ainda
win-timeline-latest = a mais recente: { $connection }
win-timeline-follow-latest = a mais recente (segue as novas)
win-timeline-listening-socket = socket à escuta: { $calls }
win-timeline-receives = { $receives } recepções, { $bytes } no total
win-timeline-peer = par
win-timeline-stream-note = O TCP é um fluxo de bytes: um send() pode chegar em várias chamadas recv(), ou vários em um só.
