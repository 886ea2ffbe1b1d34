# pt-PT: the command line: its messages, errors and hints

## Falhas e avisos no stderr

cli-error = erro: { $message }
cli-error-hint = erro: { $message } (sugestão: { $hint })
cli-warning = aviso: { $message }
cli-not-seconds = { $text } não é um número positivo de segundos
cli-udp-only = o simulador de rede (--loss, --duplicate, --reorder, --delay, --jitter) só afeta datagramas UDP; o TCP repara as perdas sozinho
cli-stdin-failed = não é possível ler a entrada padrão
cli-window-failed = erro: não é possível abrir a janela: { $reason }
cli-window-not-made = a biblioteca de janelas parou antes de criar uma janela
cli-window-hint = sugestão: um subcomando corre sem janela; veja `socklab --help`
cli-no-window = erro: este socklab foi compilado sem a janela (feature "gui"); veja `socklab --help`

## A captura que --pcap escreve

cli-capture-failed = não é possível escrever a captura { $path }: { $reason }
cli-capture-stopped = aviso: a captura { $path } parou: { $reason }; o que foi escrito abre-se
cli-capture-done = captura: { $count ->
        [one] { $count } pacote
       *[other] { $count } pacotes
    } em { $path }

## A linha de progresso de uma transferência num terminal

cli-progress = { $size }  { $count ->
        [one] { $count } bloco/datagrama
       *[other] { $count } blocos/datagramas
    }  { $rate }  { $time } s

## As linhas dos eventos no stdout

cli-listening = à escuta em { $local } ({ $transport }); alcançável em { $reach }
cli-accepted = ligação de { $peer }
cli-bytes-quoted = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } "{ $text }"
cli-dropped = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } "{ $text }" descartados pelo simulador
cli-closed = fechada { $peer }: { $reason }
cli-new-game = novo jogo; o segredo é { $secret }
cli-add-exchange = Nome do cliente: { $client_name }
    Nome do servidor: { $server_name }
    Número do cliente: { $client_number }
    Número do servidor: { $server_number }
    Soma: { $sum }
cli-add-sum-right = (o servidor diz { $sum } ✓)
cli-add-sum-wrong = (o servidor diz { $sum }: errado)
cli-sending = A enviar { $text }
cli-received = Recebido: { $text }
cli-not-a-number = (não é um número)
cli-guess-client = palpite { $count }: { $guess }
cli-guess-server = palpite { $guess }
