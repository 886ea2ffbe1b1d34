# pt-BR: the exercises' pages: forms, buttons, their states and hints

# Zero takes the plural in Brazil (0 arquivos), though its plural rules count it with one.

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
ex-bind-loopback-note = Só este computador consegue acessá-lo.
ex-port = Porta
ex-port-privileged = Abaixo de 1024 é preciso ter privilégios de administrador.
ex-reach-at = Conecte-se a este servidor em
ex-copy = Copiar
ex-resize = Redimensionar { $name }

## Um número digitado em um campo do formulário

ex-number-empty = digite um número de { $min } a { $max }
ex-number-out-of-range = { $typed } está fora do intervalo: { $min } a { $max }
ex-number-not-a-number = "{ $typed }" não é um número: digite de { $min } a { $max }

## Caixas de diálogo de arquivos: por que nenhuma abriu

ex-dialog-not-opened = Não foi possível abrir uma caixa de diálogo de arquivos; digite o caminho.
ex-dialog-none = Não há caixa de diálogo de arquivos neste ambiente (nem portal XDG nem zenity); digite o caminho.
ex-dialog-failed = A caixa de diálogo de arquivos falhou; digite o caminho.

## Condições de rede (simuladas), em todos os exercícios UDP

ex-net-title = Condições de rede (simuladas): { $conditions }
ex-net-title-none = Condições de rede (simuladas): nenhuma
ex-net-hint = O socklab prejudica seus próprios datagramas: o que o servidor e o cliente desta janela enviam (e recebem, se pedido). Valem a partir da próxima inicialização.
ex-net-loss = Perda (%)
ex-net-duplicate = Duplicação (%)
ex-net-reorder = Reordenação (%)
ex-net-delay = Atraso (ms)
ex-net-jitter = Jitter (ms)
ex-net-also-receive = Também na recepção
ex-net-fixed-seed = Semente fixa
ex-net-seed-hint = A mesma semente descarta os mesmos datagramas a cada execução
ex-net-server-counts = Servidor: { $counts }
ex-net-client-counts = Cliente: { $counts }

## Somar dois números (tcp-add, udp-add)

ex-add-server-name = Nome do servidor
ex-add-server-number = Número do servidor
ex-add-random = Aleatório a cada início
ex-add-stop-out-of-range = Parar quando um número estiver fora do intervalo (regra do laboratório)
ex-add-name-risky = O nome contém { $chars }: clientes que separam as respostas por esse caractere vão ler o nome errado.
ex-add-number-this-run = número desta execução: { $number }
ex-add-latest = Último: { $client } { $client_number } + { $server } { $server_number } = { $sum }
ex-add-latest-from = de { $peer }
ex-add-clients-tcp =
    { $names ->
        [0] { $names_shown } nomes
        [one] { $names_shown } nome
       *[other] { $names_shown } nomes
    }, { $links ->
        [0] { $links_shown } conexões
        [one] { $links_shown } conexão
       *[other] { $links_shown } conexões
    }, { $requests ->
        [0] { $requests_shown } requisições
        [one] { $requests_shown } requisição
       *[other] { $requests_shown } requisições
    } · { $open ->
        [0] { $open } abertas agora
        [one] { $open } aberta agora
       *[other] { $open } abertas agora
    }
ex-add-clients-udp =
    { $names ->
        [0] { $names_shown } nomes
        [one] { $names_shown } nome
       *[other] { $names_shown } nomes
    }, { $links ->
        [0] { $links_shown } endereços
        [one] { $links_shown } endereço
       *[other] { $links_shown } endereços
    }, { $requests ->
        [0] { $requests_shown } requisições
        [one] { $requests_shown } requisição
       *[other] { $requests_shown } requisições
    }
ex-add-client-ports = { $ip } portas { $ports }
ex-add-requests =
    { $count ->
        [0] { $shown } requisições
        [one] { $shown } requisição
       *[other] { $shown } requisições
    }
ex-add-client-name = Nome do cliente
ex-add-client-number = Número do cliente
ex-add-format = Formato da mensagem
ex-add-template = Modelo
ex-add-number-invalid = Digite um número inteiro de { $min } a { $max }.
ex-add-number-outside = { $number } está fora de { $min } a { $max }: um servidor do laboratório que segue o roteiro fecha sem responder e para (é o seu encerramento).
ex-add-name-missing = Digite um nome: o cliente do roteiro envia um junto com o número.
ex-add-will-send = Vai enviar: { $preview }
ex-add-then = { $first } e depois { $next }
ex-add-nothing-to-send = Nada a enviar até o formulário estar correto.
ex-add-clients-name = Nome do cliente
ex-add-servers-name = Nome do servidor
ex-add-numbers = Números
ex-add-sum = Soma
ex-add-sum-agrees = a soma do servidor, { $sum }, confere
ex-add-sum-said = o servidor disse { $sum }
ex-add-sum-in-range = os dois números em 1..100
ex-add-sum-out-of-range = o número do servidor está fora de 1..100

## Transferência de arquivos (tcp-file, udp-file, tftp)

ex-file-shared-folder = Pasta compartilhada
ex-file-choose-folder = Escolher pasta…
ex-file-home-warning = Esta é a sua pasta pessoal: todos os arquivos dela ficam disponíveis para quem acessar este computador. Uma pasta só para isso (socklab-share) é mais segura.
ex-file-serve-hidden = Servir arquivos ocultos
ex-file-serve-hidden-hint = Nomes com uma parte que começa com ponto (.ssh/id_rsa, lab/.git/config); desligado, são recusados: qualquer um na rede poderia pedi-los
ex-file-accept-uploads = Aceitar uploads
ex-file-accept-uploads-hint = Pedidos de escrita salvam arquivos novos na pasta compartilhada; um arquivo existente nunca é substituído
ex-file-send-rate = Taxa de envio (MiB/s)
ex-file-send-rate-hint = O UDP não tem controle de fluxo: enviar mais rápido do que o cliente lê perde datagramas.
ex-file-rate-warning = Acima de { $rate } MiB/s, o cliente de um aluno com buffers padrão pode perder datagramas sem saber: o arquivo fica menor.
ex-file-to-peer = para { $peer }
ex-file-throughput-ended = Vazão da última transferência, para { $peer } (encerrada)
ex-file-throughput-to = Vazão para { $peer }
ex-file-shared-files = Arquivos compartilhados ({ $count })
ex-file-use-name-hint = Usar este nome no formulário do cliente
ex-file-direction = Sentido
ex-file-download = baixar
ex-file-upload = enviar
ex-file-remote-name = Nome do arquivo remoto
ex-file-window = Janela (blocos)
ex-file-window-hint = Blocos enviados antes de um ACK (RFC 7440); 1 é o TFTP simples
ex-file-to-send = Arquivo a enviar
ex-file-save-as = Salvar como
ex-file-choose = Escolher arquivo…
ex-file-save-as-button = Salvar como…
ex-file-remote-missing = Digite o nome do arquivo no servidor.
ex-file-to-send-missing = Escolha o arquivo a enviar.
ex-file-save-as-missing = Escolha onde salvá-lo.
ex-file-upload-button = ⬆ Enviar
ex-file-download-button = ⬇ Baixar
ex-file-exists = { $path } já existe.
ex-file-overwrite = Substituir
ex-file-keep = Manter
ex-file-tftp-note = O TFTP numera e confirma cada bloco, e reenvia um bloco perdido: o arquivo chega inteiro ou não chega.
ex-file-udp-note = O protocolo UDP do laboratório não tem números de sequência: datagramas perdidos não podem ser detectados, só uma transferência parada.
ex-file-uploading = enviando
ex-file-sent = enviado
ex-file-downloading = baixando
ex-file-received = recebido
ex-file-upload-throughput = Vazão do envio
ex-file-download-throughput = Vazão do download
ex-file-sent-label = Enviado
ex-file-saved-label = Salvo
ex-file-size = Tamanho
ex-file-size-value =
    { $count ->
        [0] { $shown } bytes
        [one] { $shown } byte
       *[other] { $shown } bytes
    } ({ $human })
ex-file-warning = Aviso
ex-file-compare-files = Comparar arquivos
ex-file-compare-hint = Como o diff ou o fc: os arquivos enviado e recebido são iguais?
ex-file-compare-a = Arquivo A
ex-file-compare-b = Arquivo B
ex-file-browse-a = Procurar A…
ex-file-browse-b = Procurar B…
ex-file-compare = Comparar
ex-file-comparing = comparando…
ex-file-compare-stopped = a comparação parou inesperadamente
ex-file-chart-hint =
    { $title }: pico de { $peak } MiB/s em { $end } s ({ $count ->
        [0] { $count } amostras
        [one] { $count } amostra
       *[other] { $count } amostras
    })
ex-file-progress = { $label }: { $size } · { $pieces } · { $rate } · { $time }
ex-file-blocks =
    { $count ->
        [0] { $shown } blocos
        [one] { $shown } bloco
       *[other] { $shown } blocos
    }
ex-file-datagrams =
    { $count ->
        [0] { $shown } datagramas
        [one] { $shown } datagrama
       *[other] { $shown } datagramas
    }
ex-file-progress-resent =
    { $progress } · { $count ->
        [one] { $resent } reenviado
       *[other] { $resent } reenviados
    }

## Eco e Maiúsculas (tcp-echo, udp-echo, tcp-upper, udp-upper)

ex-echo-stop-words = Palavras de parada
ex-echo-stop-words-hint = Separadas por vírgula; maiúsculas e espaços em volta são ignorados.
ex-echo-sessions-tcp =
    Sessões abertas: { $open } · { $answered ->
        [0] { $answered_shown } mensagens respondidas
        [one] { $answered_shown } mensagem respondida
       *[other] { $answered_shown } mensagens respondidas
    } · { $seen ->
        [0] { $seen_shown } sessões
        [one] { $seen_shown } sessão
       *[other] { $seen_shown } sessões
    } desde o início
ex-echo-clients-udp =
    Clientes ouvidos: { $open } · { $answered ->
        [0] { $answered_shown } mensagens respondidas
        [one] { $answered_shown } mensagem respondida
       *[other] { $answered_shown } mensagens respondidas
    } · { $seen ->
        [0] { $seen_shown } clientes
        [one] { $seen_shown } cliente
       *[other] { $seen_shown } clientes
    } desde o início
ex-echo-session =
    { $peer } · { $count ->
        [0] { $shown } mensagens
        [one] { $shown } mensagem
       *[other] { $shown } mensagens
    }
ex-echo-message = Mensagem
ex-echo-too-big = Um datagrama UDP leva no máximo { $max } bytes.
ex-echo-cookbook = Teste do cookbook
ex-echo-cookbook-hint = Enviar "{ $message }" em uma sessão nova e ler o eco em recepções de { $bytes } bytes
ex-echo-disconnect = Desconectar
ex-echo-close-socket = Fechar socket
ex-echo-clear-chat = Limpar conversa
ex-echo-conversation =
    Conversa ({ $count ->
        [0] { $shown } respostas
        [one] { $shown } resposta
       *[other] { $shown } respostas
    })
ex-echo-you = você →
ex-echo-server = ← servidor
ex-echo-bytes =
    ({ $count ->
        [0] { $shown } bytes
        [one] { $shown } byte
       *[other] { $shown } bytes
    })
ex-echo-bytes-in =
    ({ $count ->
        [0] { $shown } bytes
        [one] { $shown } byte
       *[other] { $shown } bytes
    } em { $receives } recepções: { $segments })

## Adivinhe o número (udp-guess)

ex-guess-secret = Segredo
ex-guess-random = Aleatório a cada jogo
ex-guess-replies = Respostas
ex-guess-games-won =
    { $count ->
        [0] { $shown } jogos ganhos
        [one] { $shown } jogo ganho
       *[other] { $shown } jogos ganhos
    }
ex-guess-show-secret = Mostrar segredo
ex-guess-show-secret-hint = A saída do servidor mostra o segredo de cada jogo (não em um projetor!)
ex-guess-your-guess = Seu palpite
ex-guess-pause = Pausa do jogo automático
ex-guess-pause-hint = Segundos entre os palpites do jogo automático; 0 joga na hora
ex-guess-guess = Chutar
ex-guess-auto-play = Jogo automático
ex-guess-auto-play-hint = Dividir o intervalo ao meio a cada vez: no máximo 7 palpites para 1..99
ex-guess-new-game = Novo jogo
ex-guess-count = Palpites: { $count }
ex-guess-count-won = Palpites: { $count } · acertou!
ex-guess-not-a-number = (não é um número)
