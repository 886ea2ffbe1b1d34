# es: the servers' and clients' log lines (the window's Output, the command line's lines)

## Cosas contadas ($n: el número con los miles separados; $count: el mismo número, para el plural)
net-n-requests = { $n } { $count ->
    [one] petición
   *[other] peticiones
}
net-n-sessions = { $n } { $count ->
    [one] sesión
   *[other] sesiones
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
    [one] mensaje
   *[other] mensajes
}
net-n-transfers = { $n } { $count ->
    [one] transferencia
   *[other] transferencias
}

## Todos los servidores y clientes
net-server-stopped-because-served = servidor detenido: { $reason }; atendió { $requests }
net-server-stopped-served = servidor detenido; atendió { $requests }
net-listening-socket-closed = socket de escucha { $local } cerrado
net-socket-closed = socket { $local } cerrado
net-send-failed = fallo en el envío: { $error }
net-receive-failed = fallo en la recepción: { $error }
net-socket-error = error de socket: { $error }
net-closed-by-client = cerrada por el cliente
net-closed-by-server = cerrada por el servidor
net-idle-for = inactiva durante { $secs } s
net-incomplete-request = petición incompleta
net-request-unreadable = petición ilegible
net-request-too-large = petición demasiado grande
net-closed-mid-request = conexión cerrada en mitad de una petición: "{ $text }"
net-incomplete-request-after = petición incompleta tras { $secs } s: "{ $text }"
net-request-unreadable-because = no se puede entender la petición ({ $why }): "{ $text }"
net-request-too-large-text = petición de más de { $max } bytes: "{ $text }…"
net-request-too-large-ignored = petición de más de { $max } bytes, ignorada: "{ $text }…"
net-datagram-unreadable-ignored = no se puede entender el datagrama ({ $why }), ignorado: "{ $text }"
net-reply-unreadable-because = no se puede entender la respuesta ({ $why }): "{ $text }"
net-reply-unreadable = no se puede entender la respuesta: "{ $text }"
net-reply-too-large = respuesta de más de { $max } bytes
net-cancelled = cancelado
net-cannot-read-peer-address = no se puede leer la dirección del otro extremo
net-cannot-read-local-address = no se puede leer la dirección local
net-cannot-send-to = no se puede enviar a { $peer }
net-receive-from-failed = fallo en la recepción desde { $peer }
net-socket-error-context = error de socket

## Sumar dos números (tcp-add, udp-add)
net-add-out-of-range = { $peer } envió { $number }, fuera de { $min }..{ $max } (regla del laboratorio)
net-add-out-of-range-number = número fuera de rango
net-add-name-clash = el nombre del servidor contiene { $chars }, que el formato de este cliente usa como separador: su analizador puede leer mal la respuesta
net-add-waiting-connections = servidor "{ $name }" con el número { $number } esperando conexiones en { $local }
net-add-waiting-datagrams = servidor "{ $name }" con el número { $number } esperando datagramas en { $local }
net-add-no-reply-closing-stopping = { $reason }: sin respuesta; cerrando la conexión y deteniendo el servidor
net-add-no-reply-closed-running = { $reason }: sin respuesta, conexión cerrada; el servidor sigue en marcha
net-add-no-reply-stopping = { $reason }: sin respuesta; deteniendo el servidor
net-add-no-reply-running = { $reason }: sin respuesta; el servidor sigue en marcha
net-add-empty-datagram = datagrama vacío: nada que sumar, ignorado
net-add-extra-bytes-ignored = { $count ->
    [one] ignorado { $n } byte de más tras la petición
   *[other] ignorados { $n } bytes de más tras la petición
}
net-add-too-many-pending = demasiadas peticiones recibidas a medias; se descarta esta
net-add-waiting-rest = esperando el resto de la petición (¿el número?)
net-add-read-as-sum = el servidor envió { $number }, fuera de { $min }..{ $max }: leído como la suma ({ $number } - { $own_number } = { $theirs })
net-add-wrong-sum = el servidor indica la suma { $said }, pero { $a } + { $b } = { $sum }
net-add-sum = { $a } + { $b } = { $sum }
net-add-sum-confirmed = { $a } + { $b } = { $sum } (el servidor dice { $said } ✓)
net-add-sum-wrong = { $a } + { $b } = { $sum } (el servidor dice { $said }: incorrecto, es { $sum })
net-add-reply-no-number = no se puede entender la respuesta (sin número tras { $quiet } de silencio): "{ $text }"
net-add-closed-out-of-range = el servidor cerró la conexión sin responder, como hace un servidor del laboratorio cuando el número ({ $number }) está fuera de rango
net-add-closed-incomplete-reply = el servidor cerró la conexión tras una respuesta incompleta: "{ $text }"
net-add-no-reply-as-expected = sin respuesta, como se esperaba: un servidor del laboratorio se detiene sin responder cuando el número ({ $number }) está fuera de rango
net-not-connected = sin conexión
net-closed-from-window = cerrada por el servidor (desde la ventana)
net-server-stopping = servidor deteniéndose
net-ended-closed-by-server = { $ended }; cerrada por el servidor
net-ended-closed-by-client = { $ended }; cerrada por el cliente

## Eco y mayúsculas (tcp-echo, udp-echo, tcp-upper, udp-upper)
net-echo-starting = iniciando el servidor { $service } en { $local }; esperando mensajes de los clientes
net-echo-received-from = recibió { $bytes } de { $peer }
net-echo-sent-back = devolvió { $bytes } a { $peer }
net-echo-stop-word-closed = palabra de parada recibida; cerrada por el servidor
net-echo-cannot-answer = no se puede responder: { $error }
net-echo-stop-word-udp = palabra de parada recibida (UDP no tiene conexión que cerrar)
net-server-stopped-answered = servidor detenido; respondió a { $datagrams }
net-echo-disconnected = desconectado
net-echo-stopped = detenido
net-echo-no-more-messages = no hay más mensajes
net-echo-stop-word-sent = palabra de parada enviada
net-echo-empty-message-tcp = un mensaje vacío no envía nada sobre TCP; omitido
net-echo-closed-after-reply-reconnecting = el servidor cerró la conexión tras la última respuesta; reconectando
net-echo-closed-reconnecting = el servidor cerró la conexión; reconectando
net-echo-closed-twice = el servidor cerró la conexión sin responder, dos veces
net-echo-answered = { $messages } con respuesta; { $ended }
net-echo-too-large-for-datagram = { $n } bytes no caben en un datagrama UDP (como máximo { $max }); omitido

## Adivinar el número (udp-guess)
net-n-tries = { $n } { $count ->
    [one] intento
   *[other] intentos
}
net-n-guesses = { $n } { $count ->
    [one] intento
   *[other] intentos
}
net-n-games = { $n } { $count ->
    [one] partida
   *[other] partidas
}
net-guess-starting = adivina el número: un secreto de { $min } a { $max } por cliente; responde { $replies }
net-guess-not-a-number = no es un número: "{ $text }"
net-guess-cannot-reply = no se puede responder: { $error }
net-guess-guessed-new-game = adivinado en { $tries }; empieza una partida nueva
net-guess-server-stopped = servidor detenido; número adivinado en { $games }
net-guess-stopped-after = detenido tras { $guesses }
net-guess-no-more-guesses = no hay más intentos tras { $n }; aún sin encontrar
net-guess-correct-after = { $reply } tras { $guesses }
net-guess-auto-stopped = juego automático detenido
net-guess-reply-unreadable = no se puede leer la respuesta "{ $reply }" como HIGHER, LOWER o CORRECT
net-guess-found = { $reply }: el número es { $number }, encontrado en { $guesses }
net-guess-no-correct = ningún CORRECT tras { $n } intentos

## Sockets, direcciones e hilos
net-loopback-note = escuchando en { $local }: solo este ordenador puede alcanzarlo; otras máquinas usarían { $others } si escuchara en todas las interfaces (0.0.0.0)
net-loopback-note-unknown = escuchando en { $local }: solo este ordenador puede alcanzarlo; otras máquinas usarían la dirección de red de este ordenador si escuchara en todas las interfaces (0.0.0.0)
net-or = o
net-bind-all-ipv4 = Todas las interfaces (0.0.0.0)
net-bind-loopback = Solo este ordenador (127.0.0.1)
net-bind-all-ipv6 = IPv6, todas las interfaces (::)
net-no-addresses = ninguna dirección
net-not-host-port = { $text } no es HOST:PUERTO (ejemplos: localhost:12000, 192.168.1.20:12000, [::1]:12000)
net-not-a-port = { $port } no es un número de puerto (1-65535)
net-no-address = { $server }: ninguna dirección
net-address-and-others = { $server } ({ $addr } y { $n } { $count ->
    [one] otra
   *[other] otras
})
net-cannot-create-udp-socket = no se puede crear el socket UDP
net-cannot-read-bound-address = no se puede leer la dirección asociada
net-cannot-configure-socket = no se puede configurar el socket
net-receive-failed-context = fallo en la recepción
net-cannot-address = no se puede dirigir a { $peer }
net-cannot-read-listening-address = no se puede leer la dirección de escucha
net-cannot-configure-listening-socket = no se puede configurar el socket de escucha
net-refused-limit = rechazada: ya atiende { $max } conexiones (el límite)
net-cannot-configure-connection = no se puede configurar la conexión: { $error }
net-accept-failed = fallo en accept: { $error }
net-simulated-network = red simulada: { $conditions }
net-server-stopped-started = servidor detenido; inició { $transfers }
net-cannot-start-thread = no se puede iniciar el hilo { $name }
net-thread-panicked = error interno en el hilo { $name }: { $error }; el servidor sigue en marcha
net-unknown-panic = pánico desconocido

## Transferencia de archivos (tcp-file, udp-file)
net-n-blocks = { $n } { $count ->
    [one] bloque
   *[other] bloques
}
net-n-files = { $n } { $count ->
    [one] archivo
   *[other] archivos
}
net-file-removed-parts = { $count ->
    [one] eliminado { $n } archivo parcial dejado
   *[other] eliminados { $n } archivos parciales dejados
} junto a { $path } por una descarga interrumpida
net-file-saved = guardado { $path } ({ $bytes }, { $chunks }) en { $elapsed }, { $rate }; SHA-256 { $sha256 }
net-file-saved-warning = guardado { $path } ({ $bytes }, { $chunks }) en { $elapsed }, { $rate }; SHA-256 { $sha256 }; aviso: { $warning }
net-file-no-shared-folder = la carpeta compartida { $path } no existe o no es una carpeta
net-file-bad-request = petición no válida "{ $text }": { $why }
net-file-refused = pidió "{ $name }": { $refusal }; no se envía nada
net-file-cannot-open = pidió "{ $name }": no se puede abrir: { $error }; no se envía nada
net-file-resized = "{ $name }" cambió de tamaño mientras se enviaba: tenía { $size } bytes al empezar la transferencia, se enviaron { $sent }
net-file-sharing = compartiendo { $path } en { $local }
net-file-server-stopped = servidor detenido; envió { $files }
net-file-no-name-within = ningún nombre de archivo en { $secs } s; cerrando
net-file-closed-before-name = cerrada antes de enviar un nombre de archivo
net-file-name-too-long-closing = nombre de archivo de más de { $max } bytes; cerrando
net-file-name-too-long-ignored = nombre de archivo de más de { $max } bytes; ignorado
net-file-sent-closed = archivo enviado; cerrada por el servidor
net-file-aborted = transferencia abortada
net-file-closed-without-data = cerrada por el servidor sin enviar datos
net-file-sending-tcp = enviando "{ $name }": { $size } bytes en { $n } { $count ->
    [one] bloque
   *[other] bloques
} de { $block }
net-file-stopping-cut-short = servidor deteniéndose: "{ $name }" interrumpido tras { $bytes } bytes
net-file-cut-short-stalled = "{ $name }" interrumpido tras { $bytes } bytes: el cliente no aceptó datos durante { $secs } s
net-file-cut-short = "{ $name }" interrumpido tras { $bytes } bytes: { $error }
net-file-sent-tcp = enviado "{ $name }": { $bytes }, { $n } { $count ->
    [one] bloque
   *[other] bloques
} en { $elapsed } ({ $rate })
net-file-cannot-send-name = no se puede enviar el nombre del archivo a { $peer }
net-file-cancelled-after = cancelado tras { $bytes } bytes; no se guardó nada
net-file-no-data-tcp = ningún dato de { $peer } durante { $secs } s tras { $bytes } bytes: el servidor dejó de enviar, o la red entre ambos está caída (un cable, el Wi-Fi); no se guardó nada
net-file-connection-cut = la conexión se cortó tras { $bytes } bytes ({ $error }): el servidor se detuvo o la rechazó; no se guardó nada
net-file-sent-nothing = el servidor no envió nada: puede que el archivo "{ $name }" no exista allí (en este protocolo un archivo vacío se ve igual); no se guardó nada
net-file-sharing-udp = compartiendo { $path } en { $local }; enviando como máximo { $rate }/s
net-file-already-running = ya hay una transferencia en curso a este cliente; petición ignorada
net-file-sending-udp = enviando "{ $name }": { $size } bytes en { $n } { $count ->
    [one] datagrama
   *[other] datagramas
} (el último más corto que { $chunk }) a un máximo de { $rate }/s; el protocolo del laboratorio no puede detectar pérdidas: un datagrama que el cliente pierda deja un hueco que no puede ver
net-file-cannot-read = no se puede leer "{ $name }": { $error }; transferencia abortada
net-file-sent-udp = enviado "{ $name }": { $bytes } en { $n } { $count ->
    [one] datagrama
   *[other] datagramas
}, { $elapsed } ({ $rate })
net-file-sent-udp-simulated = enviado "{ $name }": { $bytes } en { $n } { $count ->
    [one] datagrama
   *[other] datagramas
}, { $elapsed } ({ $rate }); simulador hasta ahora: { $simulator }: el cliente no puede saberlo, el protocolo del laboratorio no tiene forma de ver una pérdida
net-file-udp-no-sequence = el protocolo UDP del laboratorio no tiene números de secuencia: un datagrama perdido no se puede detectar, solo una transferencia detenida
net-file-no-data-udp = ningún dato de { $peer } durante { $secs } s: puede que el archivo "{ $name }" no exista allí, o que el servidor no esté en marcha; no se guardó nada
net-file-stalled-udp = la transferencia se detuvo tras { $bytes } bytes (ningún dato durante { $secs } s): se perdieron datagramas, el servidor se detuvo, o la red entre ambos está caída; no se guardó nada
net-file-arrivals-calm = llegadas: ninguna pausa de más de { $ms } ms, el tiempo que tarda en llenarse un búfer de recepción predeterminado (unos { $buffer } datagramas) a { $rate }/s
net-file-arrivals-risky = llegadas: { $n } { $count ->
    [one] pausa
   *[other] pausas
} de más de { $ms } ms, el tiempo que tarda en llenarse un búfer de recepción predeterminado (unos { $buffer } datagramas) a { $rate }/s: un cliente con búferes predeterminados que se hubiera parado ahí podría haber perdido datagramas sin saberlo
net-file-download-gone = la descarga ya no existe
net-file-not-target = { $text } no es HOST:PUERTO:NOMBRE_REMOTO (p. ej. localhost:9000:notas.txt o [::1]:9000:notas.txt)

## TFTP (tftp-server, tftp-client)
net-tftp-simulator-note = ; simulador: { $simulator }
net-tftp-cannot-send = no se puede enviar: { $error }
net-tftp-sent-again = { $packet } · reenviado
net-tftp-peer-error = el otro extremo envió ERROR { $code } ({ $meaning }): { $message }
net-tftp-not-a-packet = no es un paquete TFTP ({ $error }); ignorado
net-tftp-expected-ack = se esperaba un ACK, llegó { $packet }; ignorado
net-tftp-no-ack-resending = ningún ACK del bloque { $block } en { $ms } ms: { $count ->
    [one] se reenvía
   *[other] se reenvían { $n } bloques
}
net-tftp-no-ack-resending-last = ningún ACK del bloque { $block } en { $ms } ms: { $count ->
    [one] se reenvía
   *[other] se reenvían { $n } bloques
} (los siguientes reenvíos se cuentan, no se listan)
net-tftp-expected-data = se esperaba DATA, llegó { $packet }; ignorado
net-tftp-no-data-resending = ningún DATA { $block } en { $secs } s: se reenvía { $packet }
net-tftp-no-folder = la carpeta { $path } no existe
net-tftp-sharing-writable = servidor TFTP compartiendo { $path } en { $local }; subidas permitidas
net-tftp-sharing-read-only = servidor TFTP compartiendo { $path } en { $local }; solo lectura
net-tftp-sharing-simulated = { $sharing }; red simulada: { $conditions }
net-tftp-not-a-request-port = { $packet } en el puerto del servidor: aquí solo llegan peticiones; ignorado
net-tftp-not-a-request = no es una petición TFTP ({ $error }); ignorada
net-tftp-cannot-open-socket = no se puede abrir un socket de transferencia: { $error }
net-tftp-server-sent = enviado "{ $name }": { $bytes } bytes en { $blocks } { $count ->
    [one] bloque
   *[other] bloques
}, retransmisiones: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-received = recibido "{ $name }": { $bytes } bytes en { $blocks } { $count ->
    [one] bloque
   *[other] bloques
}, retransmisiones: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-cannot-save = no se puede guardar: { $error }
net-tftp-no-oack-ack = ningún ACK para las opciones que el servidor aceptó
net-tftp-bad-blksize = blksize debe ser de { $min } a { $max } (se recibió { $got })
net-tftp-bad-windowsize = windowsize debe ser al menos 1
net-tftp-downloaded = descargado "{ $name }" en { $path }: { $bytes } bytes en { $blocks } { $count ->
    [one] bloque
   *[other] bloques
}, retransmisiones: { $retransmits }, { $secs } s ({ $rate }), SHA-256 { $sha256 }{ $simulator }
net-tftp-uploaded = subido "{ $name }" desde { $path }: { $bytes } bytes en { $blocks } { $count ->
    [one] bloque
   *[other] bloques
}, retransmisiones: { $retransmits }, { $secs } s ({ $rate }){ $simulator }
net-tftp-server-answer = la respuesta del servidor: { $error }
net-tftp-server-refused = el servidor rechazó: ERROR { $code } ({ $meaning }): { $message }
net-tftp-nothing-listening = nada escucha en { $server } (el sistema rechazó la petición)
net-tftp-no-answer = ninguna respuesta de { $server } tras { $tries } peticiones, con { $secs } s de intervalo: ¿hay un servidor TFTP en marcha allí?
net-tftp-cannot-open = no se puede abrir { $path }: { $error }
net-tftp-transfer-port = puerto de la transferencia { $port }: bloques de { $blksize } bytes, ventana { $window }
net-tftp-transfer-port-size = puerto de la transferencia { $port }: bloques de { $blksize } bytes, ventana { $window }, { $size } bytes
net-bad-local-address = dirección local no válida

## El simulador de red
net-sim-not-a-percentage = { $name } debe ser un porcentaje, de 0 a 100 (se recibió { $got })
net-sim-delay-too-long = el retardo y el jitter son como máximo 10 000 ms
net-sim-loss = { $pct }% de pérdida
net-sim-duplicated = { $pct }% duplicados
net-sim-reordered = { $pct }% desordenados
net-sim-delay = retardo de { $delay } ms ± { $jitter } ms
net-sim-seed = semilla { $seed }
net-sim-both-directions = en ambos sentidos
net-sim-counts = { $dropped } descartados, { $duplicated } duplicados, { $reordered } desordenados, { $delayed } retrasados

## Capturas (comentarios pcapng que una persona lee en Wireshark)
net-capture-section = Reconstruida por socklab a partir de sus llamadas de socket, no capturada en una red: un segmento TCP por send/recv (dividido en 65 495 bytes) confirmado al instante, el handshake en connect/accept, FIN o RST en close, un datagrama UDP por sendto/recvfrom. Sin segmentación real, retransmisiones ni tiempos del kernel.
net-capture-interface = paquetes reconstruidos a partir de las llamadas de socket de socklab
net-capture-dropped = descartado por el simulador: nunca entregado
net-capture-payload-cut = socklab omitió el resto de la carga útil tras los primeros { $size } (una captura guarda eso); los números de secuencia siguen contando todos los bytes
net-capture-datagrams-cut = socklab omitió los datagramas tras los primeros { $size } de carga útil (una captura guarda eso); este datagrama vacío los representa
net-capture-peer-reset = socklab vio la conexión reiniciada (reset)
net-capture-our-reset = socklab reinició la conexión (reset: un close con SO_LINGER 0)
net-capture-our-reset-after-fin = socklab reinició la conexión tras el FIN del otro extremo (reset: un close con SO_LINGER 0, que evita el TIME_WAIT al otro extremo)
net-capture-full = la captura de socklab termina aquí: guarda como máximo { $n } paquetes
net-capture-sent-twice = enviado dos veces por el simulador
net-capture-held-back = retenido { $ms } ms por el simulador
net-capture-delayed = retrasado { $ms } ms por el simulador
net-capture-cannot-build-segment = no se puede construir un segmento TCP: { $error }
net-capture-cannot-build-datagram = no se puede construir un datagrama UDP: { $error }
net-tftp-transfer-cancelled = transferencia cancelada
net-tftp-cannot-read-file = no se puede leer el archivo: { $error }
net-tftp-no-ack-gone = ningún ACK durante { $secs } s: el otro extremo ha desaparecido
net-tftp-block-too-large = el bloque { $block } tiene { $bytes } bytes, más de los { $blksize } acordados
net-tftp-cannot-write = no se puede escribir: { $error }
net-tftp-no-data-gone = ningún DATA tras { $tries } intentos ({ $secs } s cada uno): el otro extremo ha desaparecido
net-tftp-uploads-not-allowed = este servidor no acepta subidas (inícielo con --allow-write)
net-tftp-not-found = "{ $name }" no encontrado
net-tftp-cannot-open-name = no se puede abrir "{ $name }": { $error }
net-tftp-is-a-folder = "{ $name }" es una carpeta
net-tftp-octet-only = solo se acepta el modo octet para subidas
net-tftp-exists = "{ $name }" ya existe
net-tftp-names-no-file = "{ $name }" no designa ningún archivo
net-tftp-no-folder-for = no hay carpeta para "{ $name }"
net-tftp-link-outside = rechazado: un enlace que lleva fuera de la carpeta compartida
net-tftp-expected-oack-or-data = se esperaba OACK o DATA, llegó { $packet }
