# pt-PT: the exercises' pages: forms, buttons, their states and hints

## Todas as páginas de exercício: os dois formulários, as linhas e os botões comuns

ex-server = Servidor
ex-client = Cliente
ex-start-server = ▶ Iniciar servidor
ex-stop-server = ⏹ Parar servidor
ex-send = ✉ Enviar
ex-server-address = Endereço do servidor
ex-bind-address = Endereço de escuta
ex-bind-all-ipv4 = Todas as interfaces (0.0.0.0)
ex-bind-loopback = Só este computador (127.0.0.1)
ex-bind-all-ipv6 = IPv6, todas as interfaces (::)
ex-bind-loopback-note = Só este computador se consegue ligar a ele.
ex-port = Porta
ex-port-privileged = Abaixo de 1024 são precisos privilégios de administrador.
ex-reach-at = Ligar a este servidor em
ex-copy = Copiar
ex-resize = Redimensionar { $name }

## Um número escrito num campo do formulário

ex-number-empty = escreva um número de { $min } a { $max }
ex-number-out-of-range = { $typed } está fora do intervalo: { $min } a { $max }
ex-number-not-a-number = "{ $typed }" não é um número: escreva de { $min } a { $max }

## Janelas de ficheiros: porque não abriu nenhuma

ex-dialog-not-opened = Não foi possível abrir uma janela de ficheiros; escreva o caminho.
ex-dialog-none = Este ambiente de trabalho não tem janela de ficheiros (nem portal XDG nem zenity); escreva o caminho.
ex-dialog-failed = A janela de ficheiros falhou; escreva o caminho.

## Condições de rede (simuladas), em todos os exercícios UDP

ex-net-title = Condições de rede (simuladas): { $conditions }
ex-net-title-none = Condições de rede (simuladas): nenhumas
ex-net-hint = O socklab perturba os seus próprios datagramas: o que o servidor e o cliente desta janela enviam (e recebem, se pedido). Aplicam-se a partir do próximo início.
ex-net-loss = Perda (%)
ex-net-duplicate = Duplicação (%)
ex-net-reorder = Reordenação (%)
ex-net-delay = Atraso (ms)
ex-net-jitter = Jitter (ms)
ex-net-also-receive = Também na receção
ex-net-fixed-seed = Semente fixa
ex-net-seed-hint = A mesma semente perde os mesmos datagramas em cada execução
ex-net-server-counts = Servidor: { $counts }
ex-net-client-counts = Cliente: { $counts }

## Somar dois números (tcp-add, udp-add)

ex-add-server-name = Nome do servidor
ex-add-server-number = Número do servidor
ex-add-random = Aleatório em cada início
ex-add-stop-out-of-range = Parar quando um número está fora do intervalo (regra da aula)
ex-add-name-risky = O nome contém { $chars }: os clientes que separam as respostas por esse carácter vão ler mal o nome.
ex-add-number-this-run = número desta execução: { $number }
ex-add-latest = Último: { $client } { $client_number } + { $server } { $server_number } = { $sum }
ex-add-latest-from = de { $peer }
ex-add-clients-tcp =
    { $names ->
        [one] { $names_shown } nome
       *[other] { $names_shown } nomes
    }, { $links ->
        [one] { $links_shown } ligação
       *[other] { $links_shown } ligações
    }, { $requests ->
        [one] { $requests_shown } pedido
       *[other] { $requests_shown } pedidos
    } · { $open ->
        [one] { $open } aberta agora
       *[other] { $open } abertas agora
    }
ex-add-clients-udp =
    { $names ->
        [one] { $names_shown } nome
       *[other] { $names_shown } nomes
    }, { $links ->
        [one] { $links_shown } endereço
       *[other] { $links_shown } endereços
    }, { $requests ->
        [one] { $requests_shown } pedido
       *[other] { $requests_shown } pedidos
    }
ex-add-client-ports = { $ip } portas { $ports }
ex-add-requests =
    { $count ->
        [one] { $shown } pedido
       *[other] { $shown } pedidos
    }
ex-add-client-name = Nome do cliente
ex-add-client-number = Número do cliente
ex-add-format = Formato da mensagem
ex-add-template = Modelo
ex-add-number-invalid = Escreva um número inteiro de { $min } a { $max }.
ex-add-number-outside = { $number } está fora de { $min } a { $max }: um servidor da aula que siga o enunciado fecha sem responder e termina (é o seu encerramento).
ex-add-name-missing = Escreva um nome: o cliente do enunciado envia-o com o seu número.
ex-add-will-send = Vai enviar: { $preview }
ex-add-then = { $first } e depois { $next }
ex-add-nothing-to-send = Nada a enviar até o formulário estar certo.
ex-add-clients-name = Nome do cliente
ex-add-servers-name = Nome do servidor
ex-add-numbers = Números
ex-add-sum = Soma
ex-add-sum-agrees = a soma do servidor, { $sum }, confere
ex-add-sum-said = o servidor disse { $sum }
ex-add-sum-in-range = os dois números em 1..100
ex-add-sum-out-of-range = o número do servidor está fora de 1..100

## Transferência de ficheiros (tcp-file, udp-file, tftp)

ex-file-shared-folder = Pasta partilhada
ex-file-choose-folder = Escolher pasta…
ex-file-home-warning = Esta é a sua pasta pessoal: cada ficheiro nela fica disponível para quem chegar a este computador. Uma pasta própria (socklab-share) é mais segura.
ex-file-serve-hidden = Servir ficheiros ocultos
ex-file-serve-hidden-hint = Nomes com uma parte que começa por um ponto (.ssh/id_rsa, lab/.git/config); desligado, são recusados: qualquer pessoa na rede os poderia pedir
ex-file-accept-uploads = Aceitar envios
ex-file-accept-uploads-hint = Os pedidos de escrita guardam ficheiros novos na pasta partilhada; um ficheiro existente nunca é substituído
ex-file-send-rate = Ritmo de envio (MiB/s)
ex-file-send-rate-hint = O UDP não tem controlo de fluxo: enviar mais depressa do que o cliente lê perde datagramas.
ex-file-rate-warning = Acima de { $rate } MiB/s, o cliente de um aluno com os buffers predefinidos pode perder datagramas sem saber: o ficheiro fica mais curto.
ex-file-to-peer = para { $peer }
ex-file-throughput-ended = Débito da última transferência, para { $peer } (terminada)
ex-file-throughput-to = Débito para { $peer }
ex-file-shared-files = Ficheiros partilhados ({ $count })
ex-file-use-name-hint = Usar este nome no formulário do cliente
ex-file-direction = Sentido
ex-file-download = transferir
ex-file-upload = enviar
ex-file-remote-name = Nome do ficheiro remoto
ex-file-window = Janela (blocos)
ex-file-window-hint = Blocos enviados antes de um ACK (RFC 7440); 1 é o TFTP simples
ex-file-to-send = Ficheiro a enviar
ex-file-save-as = Guardar como
ex-file-choose = Escolher ficheiro…
ex-file-save-as-button = Guardar como…
ex-file-remote-missing = Escreva o nome do ficheiro no servidor.
ex-file-to-send-missing = Escolha o ficheiro a enviar.
ex-file-save-as-missing = Escolha onde o guardar.
ex-file-upload-button = ⬆ Enviar
ex-file-download-button = ⬇ Transferir
ex-file-exists = { $path } já existe.
ex-file-overwrite = Substituir
ex-file-keep = Manter
ex-file-tftp-note = O TFTP numera e confirma cada bloco, e envia de novo um bloco perdido: o ficheiro chega inteiro ou não chega.
ex-file-udp-note = O protocolo UDP da aula não tem números de sequência: os datagramas perdidos não se detetam, só uma transferência parada.
ex-file-uploading = a enviar
ex-file-sent = enviado
ex-file-downloading = a transferir
ex-file-received = recebido
ex-file-upload-throughput = Débito do envio
ex-file-download-throughput = Débito da transferência
ex-file-sent-label = Enviado
ex-file-saved-label = Guardado
ex-file-size = Tamanho
ex-file-size-value =
    { $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    } ({ $human })
ex-file-warning = Aviso
ex-file-compare-files = Comparar ficheiros
ex-file-compare-hint = Como o diff ou o fc: os ficheiros enviado e recebido são iguais?
ex-file-compare-a = Ficheiro A
ex-file-compare-b = Ficheiro B
ex-file-browse-a = Procurar A…
ex-file-browse-b = Procurar B…
ex-file-compare = Comparar
ex-file-comparing = a comparar…
ex-file-compare-stopped = a comparação parou inesperadamente
ex-file-chart-hint =
    { $title }: pico de { $peak } MiB/s em { $end } s ({ $count ->
        [one] { $count } amostra
       *[other] { $count } amostras
    })
ex-file-progress = { $label }: { $size } · { $pieces } · { $rate } · { $time }
ex-file-blocks =
    { $count ->
        [one] { $shown } bloco
       *[other] { $shown } blocos
    }
ex-file-datagrams =
    { $count ->
        [one] { $shown } datagrama
       *[other] { $shown } datagramas
    }
ex-file-progress-resent =
    { $progress } · { $count ->
        [one] { $resent } enviado de novo
       *[other] { $resent } enviados de novo
    }

## Eco e Maiúsculas (tcp-echo, udp-echo, tcp-upper, udp-upper)

ex-echo-stop-words = Palavras de paragem
ex-echo-stop-words-hint = Separadas por vírgulas; maiúsculas e espaços à volta são ignorados.
ex-echo-sessions-tcp =
    Sessões abertas: { $open } · { $answered ->
        [one] { $answered_shown } mensagem respondida
       *[other] { $answered_shown } mensagens respondidas
    } · { $seen ->
        [one] { $seen_shown } sessão
       *[other] { $seen_shown } sessões
    } desde o início
ex-echo-clients-udp =
    Clientes ouvidos: { $open } · { $answered ->
        [one] { $answered_shown } mensagem respondida
       *[other] { $answered_shown } mensagens respondidas
    } · { $seen ->
        [one] { $seen_shown } cliente
       *[other] { $seen_shown } clientes
    } desde o início
ex-echo-session =
    { $peer } · { $count ->
        [one] { $shown } mensagem
       *[other] { $shown } mensagens
    }
ex-echo-message = Mensagem
ex-echo-too-big = Um datagrama UDP leva no máximo { $max } bytes.
ex-echo-cookbook = Teste do cookbook
ex-echo-cookbook-hint = Enviar "{ $message }" numa sessão nova e ler o eco em receções de { $bytes } bytes
ex-echo-disconnect = Desligar
ex-echo-close-socket = Fechar socket
ex-echo-clear-chat = Limpar conversa
ex-echo-conversation =
    Conversa ({ $count ->
        [one] { $shown } resposta
       *[other] { $shown } respostas
    })
ex-echo-you = eu →
ex-echo-server = ← servidor
ex-echo-bytes =
    ({ $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    })
ex-echo-bytes-in =
    ({ $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    } em { $receives } receções: { $segments })

## Adivinhar o número (udp-guess)

ex-guess-secret = Segredo
ex-guess-random = Aleatório em cada jogo
ex-guess-replies = Respostas
ex-guess-games-won =
    { $count ->
        [one] { $shown } jogo ganho
       *[other] { $shown } jogos ganhos
    }
ex-guess-show-secret = Mostrar segredo
ex-guess-show-secret-hint = A saída do servidor mostra o segredo de cada jogo (não num projetor!)
ex-guess-your-guess = O seu palpite
ex-guess-pause = Pausa do jogo automático
ex-guess-pause-hint = Segundos entre os palpites do jogo automático; 0 joga de imediato
ex-guess-guess = Adivinhar
ex-guess-auto-play = Jogo automático
ex-guess-auto-play-hint = Dividir o intervalo ao meio de cada vez: no máximo 7 palpites para 1..99
ex-guess-new-game = Novo jogo
ex-guess-count = Palpites: { $count }
ex-guess-count-won = Palpites: { $count } · acertou!
ex-guess-not-a-number = (não é um número)
