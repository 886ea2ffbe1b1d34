# pt-BR: the servers' and clients' log lines (the window's Output, the command line's lines)

## Coisas contadas ($n: o número com os milhares separados; $count: o mesmo número, para o plural)
net-n-requests = { $n } { $count ->
    [one] pedido
   *[other] pedidos
}
net-n-sessions = { $n } { $count ->
    [one] sessão
   *[other] sessões
}
net-n-bytes = { $n } { $count ->
    [one] byte
   *[other] bytes
}
net-n-datagrams = { $n } { $count ->
    [one] datagrama
   *[other] datagramas
}
net-n-messages = { $n } { $count ->
    [one] mensagem
   *[other] mensagens
}
net-n-transfers = { $n } { $count ->
    [one] transferência
   *[other] transferências
}

## Todos os servidores e clientes
net-server-stopped-because-served = servidor parado: { $reason }; atendeu { $requests }
net-server-stopped-served = servidor parado; atendeu { $requests }
net-listening-socket-closed = socket de escuta { $local } fechado
net-socket-closed = socket { $local } fechado
net-send-failed = falha no envio: { $error }
net-receive-failed = falha na recepção: { $error }
net-socket-error = erro de socket: { $error }
net-closed-by-client = fechada pelo cliente
net-closed-by-server = fechada pelo servidor
net-idle-for = inativa por { $secs } s
net-incomplete-request = pedido incompleto
net-request-unreadable = pedido ilegível
net-request-too-large = pedido grande demais
net-closed-mid-request = conexão fechada no meio de um pedido: "{ $text }"
net-incomplete-request-after = pedido incompleto após { $secs } s: "{ $text }"
net-request-unreadable-because = não é possível compreender o pedido ({ $why }): "{ $text }"
net-request-too-large-text = pedido com mais de { $max } bytes: "{ $text }…"
net-request-too-large-ignored = pedido com mais de { $max } bytes, ignorado: "{ $text }…"
net-datagram-unreadable-ignored = não é possível compreender o datagrama ({ $why }), ignorado: "{ $text }"
net-reply-unreadable-because = não é possível compreender a resposta ({ $why }): "{ $text }"
net-reply-unreadable = não é possível compreender a resposta: "{ $text }"
net-reply-too-large = resposta com mais de { $max } bytes
net-cancelled = cancelado
net-cannot-read-peer-address = não é possível ler o endereço do par
net-cannot-read-local-address = não é possível ler o endereço local
net-cannot-send-to = não é possível enviar para { $peer }
net-receive-from-failed = falha na recepção de { $peer }
net-socket-error-context = erro de socket

## Somar dois números (tcp-add, udp-add)
net-add-out-of-range = { $peer } enviou { $number }, fora de { $min }..{ $max } (regra do laboratório)
net-add-out-of-range-number = número fora do intervalo
net-add-name-clash = o nome do servidor contém { $chars }, que o formato deste cliente usa como separador: seu analisador pode ler mal a resposta
net-add-waiting-connections = servidor "{ $name }" com o número { $number } esperando conexões em { $local }
net-add-waiting-datagrams = servidor "{ $name }" com o número { $number } esperando datagramas em { $local }
net-add-no-reply-closing-stopping = { $reason }: sem resposta; fechando a conexão e parando o servidor
net-add-no-reply-closed-running = { $reason }: sem resposta, conexão fechada; o servidor continua rodando
net-add-no-reply-stopping = { $reason }: sem resposta; parando o servidor
net-add-no-reply-running = { $reason }: sem resposta; o servidor continua rodando
net-add-empty-datagram = datagrama vazio: nada para somar, ignorado
net-add-extra-bytes-ignored = { $count ->
    [one] ignorado { $n } byte a mais depois do pedido
   *[other] ignorados { $n } bytes a mais depois do pedido
}
net-add-too-many-pending = pedidos recebidos pela metade demais; este foi descartado
net-add-waiting-rest = esperando o resto do pedido (o número?)
net-add-read-as-sum = o servidor enviou { $number }, fora de { $min }..{ $max }: lido como a soma ({ $number } - { $own_number } = { $theirs })
net-add-wrong-sum = o servidor indica a soma { $said }, mas { $a } + { $b } = { $sum }
net-add-sum = { $a } + { $b } = { $sum }
net-add-sum-confirmed = { $a } + { $b } = { $sum } (o servidor diz { $said } ✓)
net-add-sum-wrong = { $a } + { $b } = { $sum } (o servidor diz { $said }: errado, é { $sum })
net-add-reply-no-number = não é possível compreender a resposta (sem número após { $quiet } de silêncio): "{ $text }"
net-add-closed-out-of-range = o servidor fechou a conexão sem responder, como faz um servidor do laboratório quando o número ({ $number }) está fora do intervalo
net-add-closed-incomplete-reply = o servidor fechou a conexão depois de uma resposta incompleta: "{ $text }"
net-add-no-reply-as-expected = sem resposta, como esperado: um servidor do laboratório para sem responder quando o número ({ $number }) está fora do intervalo
net-not-connected = não conectado
net-closed-from-window = fechada pelo servidor (a partir da janela)
net-server-stopping = servidor parando
net-ended-closed-by-server = { $ended }; fechada pelo servidor
net-ended-closed-by-client = { $ended }; fechada pelo cliente

## Eco e maiúsculas (tcp-echo, udp-echo, tcp-upper, udp-upper)
net-echo-starting = iniciando o servidor { $service } em { $local }; esperando mensagens dos clientes
net-echo-received-from = recebeu { $bytes } de { $peer }
net-echo-sent-back = devolveu { $bytes } a { $peer }
net-echo-stop-word-closed = palavra de parada recebida; fechada pelo servidor
net-echo-cannot-answer = não é possível responder: { $error }
net-echo-stop-word-udp = palavra de parada recebida (o UDP não tem conexão para fechar)
net-server-stopped-answered = servidor parado; respondeu a { $datagrams }
net-echo-disconnected = desconectado
net-echo-stopped = parado
net-echo-no-more-messages = não há mais mensagens
net-echo-stop-word-sent = palavra de parada enviada
net-echo-empty-message-tcp = uma mensagem vazia não envia nada sobre TCP; ignorada
net-echo-closed-after-reply-reconnecting = o servidor fechou a conexão depois da última resposta; reconectando
net-echo-closed-reconnecting = o servidor fechou a conexão; reconectando
net-echo-closed-twice = o servidor fechou a conexão sem responder, duas vezes
net-echo-answered = { $messages } com resposta; { $ended }
net-echo-too-large-for-datagram = { $n } bytes não cabem em um datagrama UDP (no máximo { $max }); ignorado

## Adivinhar o número (udp-guess)
net-n-tries = { $n } { $count ->
    [one] tentativa
   *[other] tentativas
}
net-n-guesses = { $n } { $count ->
    [one] palpite
   *[other] palpites
}
net-n-games = { $n } { $count ->
    [one] jogo
   *[other] jogos
}
net-guess-starting = adivinhar o número: um segredo de { $min } a { $max } por cliente; responde { $replies }
net-guess-not-a-number = não é um número: "{ $text }"
net-guess-cannot-reply = não é possível responder: { $error }
net-guess-guessed-new-game = adivinhado em { $tries }; começa um novo jogo
net-guess-server-stopped = servidor parado; número adivinhado em { $games }
net-guess-stopped-after = parado depois de { $guesses }
net-guess-no-more-guesses = não há mais palpites depois de { $n }; ainda não encontrado
net-guess-correct-after = { $reply } depois de { $guesses }
net-guess-auto-stopped = jogo automático parado
net-guess-reply-unreadable = não é possível ler a resposta "{ $reply }" como HIGHER, LOWER ou CORRECT
net-guess-found = { $reply }: o número é { $number }, encontrado em { $guesses }
net-guess-no-correct = nenhum CORRECT depois de { $n } palpites

## Sockets, endereços e threads
net-loopback-note = escutando em { $local }: só este computador consegue acessá-lo; outras máquinas usariam { $others } se escutasse em todas as interfaces (0.0.0.0)
net-loopback-note-unknown = escutando em { $local }: só este computador consegue acessá-lo; outras máquinas usariam o endereço de rede deste computador se escutasse em todas as interfaces (0.0.0.0)
net-or = ou
net-bind-all-ipv4 = Todas as interfaces (0.0.0.0)
net-bind-loopback = Só este computador (127.0.0.1)
net-bind-all-ipv6 = IPv6, todas as interfaces (::)
net-no-addresses = nenhum endereço
net-not-host-port = { $text } não é HOST:PORTA (exemplos: localhost:12000, 192.168.1.20:12000, [::1]:12000)
net-not-a-port = { $port } não é um número de porta (1-65535)
net-no-address = { $server }: nenhum endereço
net-address-and-others = { $server } ({ $addr } e { $n } { $count ->
    [one] outro
   *[other] outros
})
net-cannot-create-udp-socket = não é possível criar o socket UDP
net-cannot-read-bound-address = não é possível ler o endereço associado
net-cannot-configure-socket = não é possível configurar o socket
net-receive-failed-context = falha na recepção
net-cannot-address = não é possível endereçar { $peer }
net-cannot-read-listening-address = não é possível ler o endereço de escuta
net-cannot-configure-listening-socket = não é possível configurar o socket de escuta
net-refused-limit = recusada: já serve { $max } conexões (o limite)
net-cannot-configure-connection = não é possível configurar a conexão: { $error }
net-accept-failed = falha no accept: { $error }
net-simulated-network = rede simulada: { $conditions }
net-server-stopped-started = servidor parado; iniciou { $transfers }
net-cannot-start-thread = não é possível iniciar a thread { $name }
net-thread-panicked = erro interno na thread { $name }: { $error }; o servidor continua rodando
net-unknown-panic = pânico desconhecido

## Transferência de arquivos (tcp-file, udp-file)
net-n-blocks = { $n } { $count ->
    [one] bloco
   *[other] blocos
}
net-n-files = { $n } { $count ->
    [one] arquivo
   *[other] arquivos
}
net-file-removed-parts = { $count ->
    [one] removido { $n } arquivo parcial deixado
   *[other] removidos { $n } arquivos parciais deixados
} junto a { $path } por um download interrompido
net-file-saved = salvo { $path } ({ $bytes }, { $chunks }) em { $elapsed }, { $rate }; SHA-256 { $sha256 }
net-file-saved-warning = salvo { $path } ({ $bytes }, { $chunks }) em { $elapsed }, { $rate }; SHA-256 { $sha256 }; aviso: { $warning }
net-file-no-shared-folder = a pasta compartilhada { $path } não existe ou não é uma pasta
net-file-bad-request = pedido inválido "{ $text }": { $why }
net-file-refused = pedido "{ $name }": { $refusal }; nada enviado
net-file-cannot-open = pedido "{ $name }": não é possível abri-lo: { $error }; nada enviado
net-file-resized = "{ $name }" mudou de tamanho durante o envio: tinha { $size } bytes quando a transferência começou, foram enviados { $sent }
net-file-sharing = compartilhando { $path } em { $local }
net-file-server-stopped = servidor parado; enviou { $files }
net-file-no-name-within = nenhum nome de arquivo em { $secs } s; fechando
net-file-closed-before-name = fechada antes de enviar um nome de arquivo
net-file-name-too-long-closing = nome de arquivo com mais de { $max } bytes; fechando
net-file-name-too-long-ignored = nome de arquivo com mais de { $max } bytes; ignorado
net-file-sent-closed = arquivo enviado; fechada pelo servidor
net-file-aborted = transferência abortada
net-file-closed-without-data = fechada pelo servidor sem enviar dados
net-file-sending-tcp = enviando "{ $name }": { $size } bytes em { $n } { $count ->
    [one] bloco
   *[other] blocos
} de { $block }
net-file-stopping-cut-short = servidor parando: "{ $name }" interrompido depois de { $bytes } bytes
net-file-cut-short-stalled = "{ $name }" interrompido depois de { $bytes } bytes: o cliente não aceitou dados por { $secs } s
net-file-cut-short = "{ $name }" interrompido depois de { $bytes } bytes: { $error }
net-file-sent-tcp = enviado "{ $name }": { $bytes }, { $n } { $count ->
    [one] bloco
   *[other] blocos
} em { $elapsed } ({ $rate })
net-file-cannot-send-name = não é possível enviar o nome do arquivo para { $peer }
net-file-cancelled-after = cancelado depois de { $bytes } bytes; nada salvo
net-file-no-data-tcp = nenhum dado de { $peer } por { $secs } s depois de { $bytes } bytes: o servidor deixou de enviar, ou a rede entre os dois está fora do ar (um cabo, o Wi-Fi); nada salvo
net-file-connection-cut = a conexão foi cortada depois de { $bytes } bytes ({ $error }): o servidor parou ou recusou; nada salvo
net-file-sent-nothing = o servidor não enviou nada: o arquivo "{ $name }" pode não existir lá (neste protocolo um arquivo vazio parece igual); nada salvo
net-file-sharing-udp = compartilhando { $path } em { $local }; enviando no máximo { $rate }/s
net-file-already-running = já há uma transferência em andamento para este cliente; pedido ignorado
net-file-sending-udp = enviando "{ $name }": { $size } bytes em { $n } { $count ->
    [one] datagrama
   *[other] datagramas
} (o último mais curto que { $chunk }) a até { $rate }/s; o protocolo do laboratório não detecta perdas: um datagrama que o cliente perca deixa um buraco que ele não vê
net-file-cannot-read = não é possível ler "{ $name }": { $error }; transferência abortada
net-file-sent-udp = enviado "{ $name }": { $bytes } em { $n } { $count ->
    [one] datagrama
   *[other] datagramas
}, { $elapsed } ({ $rate })
net-file-sent-udp-simulated = enviado "{ $name }": { $bytes } em { $n } { $count ->
    [one] datagrama
   *[other] datagramas
}, { $elapsed } ({ $rate }); simulador até agora: { $simulator }: o cliente não sabe, o protocolo do laboratório não tem forma de ver uma perda
net-file-udp-no-sequence = o protocolo UDP do laboratório não tem números de sequência: um datagrama perdido não pode ser detectado, só uma transferência parada
net-file-no-data-udp = nenhum dado de { $peer } por { $secs } s: o arquivo "{ $name }" pode não existir lá, ou o servidor não está rodando; nada salvo
net-file-stalled-udp = a transferência parou depois de { $bytes } bytes (nenhum dado por { $secs } s): datagramas se perderam, o servidor parou, ou a rede entre os dois está fora do ar; nada salvo
net-file-arrivals-calm = chegadas: nenhuma pausa maior que { $ms } ms, o tempo que um buffer de recepção padrão (cerca de { $buffer } datagramas) leva para encher a { $rate }/s
net-file-arrivals-risky = chegadas: { $n } { $count ->
    [one] pausa maior
   *[other] pausas maiores
} que { $ms } ms, o tempo que um buffer de recepção padrão (cerca de { $buffer } datagramas) leva para encher a { $rate }/s: um cliente com buffers padrão que parasse aí poderia ter perdido datagramas sem saber
net-file-download-gone = o download não existe mais
net-file-not-target = { $text } não é HOST:PORTA:NOME_REMOTO (ex.: localhost:9000:notas.txt ou [::1]:9000:notas.txt)

## TFTP (tftp-server, tftp-client)
net-tftp-simulator-note = ; simulador: { $simulator }
net-tftp-cannot-send = não é possível enviar: { $error }
net-tftp-sent-again = { $packet } · enviado de novo
net-tftp-peer-error = o par enviou ERROR { $code } ({ $meaning }): { $message }
net-tftp-not-a-packet = não é um pacote TFTP ({ $error }); ignorado
net-tftp-expected-ack = era esperado um ACK, chegou { $packet }; ignorado
net-tftp-no-ack-resending = nenhum ACK do bloco { $block } em { $ms } ms: { $count ->
    [one] enviando-o de novo
   *[other] enviando { $n } blocos de novo
}
net-tftp-no-ack-resending-last = nenhum ACK do bloco { $block } em { $ms } ms: { $count ->
    [one] enviando-o de novo
   *[other] enviando { $n } blocos de novo
} (os reenvios seguintes são contados, não listados)
net-tftp-expected-data = era esperado DATA, chegou { $packet }; ignorado
net-tftp-no-data-resending = nenhum DATA { $block } em { $secs } s: enviando { $packet } de novo
net-tftp-no-folder = a pasta { $path } não existe
net-tftp-sharing-writable = servidor TFTP compartilhando { $path } em { $local }; uploads permitidos
net-tftp-sharing-read-only = servidor TFTP compartilhando { $path } em { $local }; só leitura
net-tftp-sharing-simulated = { $sharing }; rede simulada: { $conditions }
net-tftp-not-a-request-port = { $packet } na porta do servidor: só os pedidos chegam aqui; ignorado
net-tftp-not-a-request = não é um pedido TFTP ({ $error }); ignorado
net-tftp-cannot-open-socket = não é possível abrir um socket de transferência: { $error }
net-tftp-server-sent = enviado "{ $name }": { $bytes } bytes em { $blocks } { $count ->
    [one] bloco
   *[other] blocos
}, retransmissões: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-received = recebido "{ $name }": { $bytes } bytes em { $blocks } { $count ->
    [one] bloco
   *[other] blocos
}, retransmissões: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-cannot-save = não é possível salvar: { $error }
net-tftp-no-oack-ack = nenhum ACK para as opções que o servidor aceitou
net-tftp-bad-blksize = blksize deve ser de { $min } a { $max } (recebido { $got })
net-tftp-bad-windowsize = windowsize deve ser pelo menos 1
net-tftp-downloaded = baixado "{ $name }" para { $path }: { $bytes } bytes em { $blocks } { $count ->
    [one] bloco
   *[other] blocos
}, retransmissões: { $retransmits }, { $secs } s ({ $rate }), SHA-256 { $sha256 }{ $simulator }
net-tftp-uploaded = enviado (upload) "{ $name }" de { $path }: { $bytes } bytes em { $blocks } { $count ->
    [one] bloco
   *[other] blocos
}, retransmissões: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-answer = a resposta do servidor: { $error }
net-tftp-server-refused = o servidor recusou: ERROR { $code } ({ $meaning }): { $message }
net-tftp-nothing-listening = nada está escutando em { $server } (o sistema recusou o pedido)
net-tftp-no-answer = nenhuma resposta de { $server } depois de { $tries } pedidos, com { $secs } s de intervalo: há um servidor TFTP rodando lá?
net-tftp-cannot-open = não é possível abrir { $path }: { $error }
net-tftp-transfer-port = porta da transferência { $port }: blocos de { $blksize } bytes, janela { $window }
net-tftp-transfer-port-size = porta da transferência { $port }: blocos de { $blksize } bytes, janela { $window }, { $size } bytes
net-bad-local-address = endereço local inválido

## O simulador de rede
net-sim-not-a-percentage = { $name } deve ser uma porcentagem, de 0 a 100 (recebido { $got })
net-sim-delay-too-long = o atraso e o jitter são no máximo 10 000 ms
net-sim-loss = { $pct }% de perda
net-sim-duplicated = { $pct }% duplicados
net-sim-reordered = { $pct }% fora de ordem
net-sim-delay = atraso de { $delay } ms ± { $jitter } ms
net-sim-seed = semente { $seed }
net-sim-both-directions = nos dois sentidos
net-sim-counts = { $dropped } descartados, { $duplicated } duplicados, { $reordered } fora de ordem, { $delayed } atrasados

## Capturas (comentários pcapng que uma pessoa lê no Wireshark)
net-capture-section = Reconstruída pelo socklab a partir das suas chamadas de socket, não capturada em uma rede: um segmento TCP por send/recv (dividido em 65 495 bytes) confirmado imediatamente, o handshake no connect/accept, FIN ou RST no close, um datagrama UDP por sendto/recvfrom. Sem segmentação real, retransmissões nem tempos do kernel.
net-capture-interface = pacotes reconstruídos a partir das chamadas de socket do socklab
net-capture-dropped = descartado pelo simulador: nunca entregue
net-capture-payload-cut = o socklab omitiu o resto da carga útil depois dos primeiros { $size } (uma captura mantém isso); os números de sequência continuam contando todos os bytes
net-capture-datagrams-cut = o socklab omitiu os datagramas depois dos primeiros { $size } de carga útil (uma captura mantém isso); este datagrama vazio os representa
net-capture-peer-reset = o socklab viu a conexão ser reiniciada (reset)
net-capture-our-reset = o socklab reiniciou a conexão (reset: um close com SO_LINGER 0)
net-capture-our-reset-after-fin = o socklab reiniciou a conexão depois do FIN do par (reset: um close com SO_LINGER 0, que poupa o par do TIME_WAIT)
net-capture-full = a captura do socklab termina aqui: mantém no máximo { $n } pacotes
net-capture-sent-twice = enviado duas vezes pelo simulador
net-capture-held-back = retido { $ms } ms pelo simulador
net-capture-delayed = atrasado { $ms } ms pelo simulador
net-capture-cannot-build-segment = não é possível construir um segmento TCP: { $error }
net-capture-cannot-build-datagram = não é possível construir um datagrama UDP: { $error }
net-tftp-transfer-cancelled = transferência cancelada
net-tftp-cannot-read-file = não é possível ler o arquivo: { $error }
net-tftp-no-ack-gone = nenhum ACK por { $secs } s: o par sumiu
net-tftp-block-too-large = o bloco { $block } tem { $bytes } bytes, mais do que os { $blksize } combinados
net-tftp-cannot-write = não é possível gravar: { $error }
net-tftp-no-data-gone = nenhum DATA depois de { $tries } tentativas ({ $secs } s cada): o par sumiu
net-tftp-uploads-not-allowed = este servidor não aceita uploads (inicie-o com --allow-write)
net-tftp-not-found = "{ $name }" não encontrado
net-tftp-cannot-open-name = não é possível abrir "{ $name }": { $error }
net-tftp-is-a-folder = "{ $name }" é uma pasta
net-tftp-octet-only = só o modo octet é aceito para uploads
net-tftp-exists = "{ $name }" já existe
net-tftp-names-no-file = "{ $name }" não designa nenhum arquivo
net-tftp-no-folder-for = não há pasta para "{ $name }"
net-tftp-link-outside = recusado: um link simbólico que leva para fora da pasta compartilhada
net-tftp-expected-oack-or-data = era esperado OACK ou DATA, chegou { $packet }
