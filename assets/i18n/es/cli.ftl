# es: the command line: its messages, errors and hints

## Fallos y avisos en stderr

cli-error = error: { $message }
cli-error-hint = error: { $message } (pista: { $hint })
cli-warning = aviso: { $message }
cli-not-seconds = { $text } no es un número positivo de segundos
cli-udp-only = el simulador de red (--loss, --duplicate, --reorder, --delay, --jitter) solo afecta a datagramas UDP; TCP repara las pérdidas por sí mismo
cli-stdin-failed = no se puede leer la entrada estándar
cli-window-failed = error: no se puede abrir la ventana: { $reason }
cli-window-not-made = la biblioteca de ventanas se detuvo antes de crear una ventana
cli-window-hint = pista: un subcomando se ejecuta sin ventana; vea `socklab --help`
cli-no-window = error: este socklab se compiló sin la ventana (feature "gui"); vea `socklab --help`

## La captura que escribe --pcap

cli-capture-failed = no se puede escribir la captura { $path }: { $reason }
cli-capture-stopped = aviso: la captura { $path } se detuvo: { $reason }; lo escrito se puede abrir
cli-capture-done = captura: { $count ->
        [one] { $count } paquete
       *[other] { $count } paquetes
    } en { $path }

## La línea de progreso de una transferencia en un terminal

cli-progress = { $size }  { $count ->
        [one] { $count } bloque/datagrama
       *[other] { $count } bloques/datagramas
    }  { $rate }  { $time } s

## Las líneas de los eventos en stdout

cli-listening = escuchando en { $local } ({ $transport }); accesible en { $reach }
cli-accepted = conexión desde { $peer }
cli-bytes-quoted = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } "{ $text }"
cli-dropped = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } "{ $text }" descartados por el simulador
cli-closed = cerrada { $peer }: { $reason }
cli-new-game = nueva partida; el número secreto es { $secret }
cli-add-exchange = Nombre del cliente: { $client_name }
    Nombre del servidor: { $server_name }
    Número del cliente: { $client_number }
    Número del servidor: { $server_number }
    Suma: { $sum }
cli-add-sum-right = (el servidor dice { $sum } ✓)
cli-add-sum-wrong = (el servidor dice { $sum }: incorrecto)
cli-sending = Enviando { $text }
cli-received = Recibido: { $text }
cli-not-a-number = (no es un número)
cli-guess-client = intento { $count }: { $guess }
cli-guess-server = intento { $guess }
