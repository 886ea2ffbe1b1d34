# es: los errores de socklab (lo que falló, mostrado tras "error:" en la línea de comandos y en
# la ventana) y sus pistas (qué salió mal probablemente y qué probar), y los errores de los
# archivos locales

## Lo que falló

err-bind = no se puede escuchar en { $addr }: { $reason }
err-connect = no se puede conectar a { $addr }: { $reason }
err-no-udp-server = nada escucha en { $addr }: el sistema respondió al datagrama con "port unreachable" (puerto inalcanzable)
err-resolve = no se encuentra el host { $host }: { $reason }
err-timeout = sin respuesta de { $peer } en { $time }
err-contradiction = las pistas del servidor se contradicen: no queda ningún número entre { $min } y { $max }
err-first-guess-unanswered = sin respuesta de { $peer } al primer intento en { $time }
err-closed-without-reply = el servidor { $peer } cerró la conexión sin responder
err-exists = { $path } ya existe
err-panic = error interno en un hilo de trabajo: { $message }

## Los motivos del sistema

err-os-addr-in-use = la dirección ya está en uso
err-os-addr-not-available = no se puede asignar la dirección solicitada
err-os-connection-refused = conexión rechazada
err-os-connection-reset = el otro extremo reinició la conexión
err-os-connection-aborted = conexión abortada
err-os-timed-out = se agotó el tiempo de la conexión
err-os-host-unreachable = no hay ruta hasta el host
err-os-network-unreachable = la red es inalcanzable
err-os-not-found = no existe el archivo o el directorio
err-os-permission-denied = permiso denegado
err-os-already-exists = el archivo ya existe
err-os-is-a-directory = es un directorio
err-os-not-a-directory = no es un directorio
err-os-storage-full = no queda espacio en el dispositivo
err-os-read-only = sistema de archivos de solo lectura
err-os-broken-pipe = tubería rota

## Las pistas

err-hint-port-in-use = El puerto { $port } ya está en uso, quizá por otro servidor que usted inició. Deténgalo o elija otro puerto.
err-hint-low-port = Los puertos por debajo de 1024 requieren permisos de administrador; los enunciados sugieren un puerto por encima de 1024, p. ej. { $port }.
err-hint-not-this-computer = Esa dirección no pertenece a este equipo; elija todas las interfaces o loopback.
err-hint-refused-elsewhere = { $addr } es otra máquina, y nada allí aceptó la conexión en ese puerto. Si el servidor se ejecuta allí, puede estar escuchando solo en 127.0.0.1 (localhost), que solo esa máquina alcanza: haga bind a '' o 0.0.0.0 (todas las interfaces) allí. Compruebe también el puerto, y que el servidor esté iniciado.
err-hint-refused = Nada escucha en { $addr }. Inicie primero el servidor, y compruebe el puerto y que servidor y cliente coincidan en IPv4/IPv6 ("localhost" puede ser ::1).
err-hint-connect-timeout = El servidor no respondió a la conexión: un cortafuegos puede estar descartando paquetes, o la dirección es incorrecta.
err-hint-no-route = No hay ruta hasta { $addr }: la dirección puede estar en otra subred distinta de la de este equipo, o la otra máquina está apagada o desconectada (compruebe el cable o el Wi-Fi).
err-hint-tcp-timeout = El servidor aceptó la conexión pero no respondió a tiempo: puede estar esperando más (un salto de línea, o un segundo mensaje), o esperar otro formato de mensaje. Mire la salida del propio servidor.
err-hint-udp-timeout = Con UDP, nada le indica si un servidor está en marcha: compruebe la dirección y el puerto, y que el servidor esté iniciado. Un cortafuegos también puede descartar los datagramas.
err-hint-first-guess = Algunos servidores de adivinar esperan un primer mensaje como `play` o `start` antes de empezar el juego: envíelo primero (escríbalo como intento), o mire la salida del servidor. Con UDP, compruebe también la dirección y el puerto: nada indica si un servidor está en marcha.
err-hint-closed-without-reply = Justo después de la petición, esto suele indicar que el servidor esperaba otro formato de mensaje (no pudo leer el nuestro, o esperaba un salto de línea): pruebe otro --format (line, json, split, pickle, …) y mire la salida del propio servidor.
err-hint-no-udp-server-elsewhere = { $addr } es otra máquina, y respondió que nada tiene ese puerto UDP abierto. Si el servidor se ejecuta allí, puede estar ligado solo a 127.0.0.1 (localhost), que solo esa máquina alcanza: haga bind a '' o 0.0.0.0 allí. Compruebe también el puerto.
err-hint-no-udp-server = Inicie primero el servidor, y compruebe la dirección y el puerto. Con UDP esta respuesta es la única señal de que no hay servidor; a menudo no llega ninguna, y el cliente simplemente espera.
err-hint-disk-full = El disco (o su cuota) está lleno. No se guardó nada con el nombre del archivo: libere espacio o elija una carpeta en otro disco.
err-hint-read-only = Esa carpeta está en un disco de solo lectura (una memoria USB bloqueada, un CD, un recurso compartido de solo lectura). No se guardó nada: elija una carpeta en la que pueda escribir.
err-hint-permission = El sistema denegó el acceso (permisos). Para guardar una descarga, elija una carpeta propia (Descargas o Documentos); para compartir un archivo, compruebe que puede leerlo.
err-hint-exists = Elija otro nombre, o permita sobrescribir (--force en la línea de comandos).
err-hint-resolve = Compruebe cómo está escrito el nombre del host, o use una dirección IP.

## Archivos locales: descargas y comparaciones

err-not-a-file-name = { $path } no es un nombre de archivo
err-no-folder = la carpeta { $path } no existe
err-is-a-folder = { $path } es una carpeta
err-cannot-create-in = no se puede crear un archivo en { $path }
err-cannot-save = no se puede guardar { $path }
err-cannot-write-beside = no se puede escribir junto a { $path }
err-cannot-start-writer = no se puede iniciar la escritura de la descarga
err-download-stopped = la descarga de { $path } se detuvo
err-writer-gone = la escritura de la descarga ya terminó
err-writer-failed = la escritura de la descarga falló
err-cannot-open = no se puede abrir { $path }
err-cannot-read = no se puede leer { $path }
err-cannot-create-pipe = no se puede crear una tubería
err-cannot-reopen = no se puede abrir { $path } de nuevo
err-cannot-start-hasher = no se puede iniciar el cálculo del SHA-256 de la descarga
err-download-finished = la descarga ya terminó
err-cannot-read-pipe = no se puede leer la tubería
err-cannot-read-back = no se puede releer { $path } para calcular su SHA-256
err-hasher-gone = el hilo del SHA-256 ya terminó
err-hasher-failed = el hilo del SHA-256 falló
err-file-shorter = el archivo es más corto de lo que se escribió en él
err-end-of-file = fin del archivo
err-identical = idénticos ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    })
err-different = diferentes: primera diferencia en el byte { $offset } (línea { $line }): { $a } frente a { $b }; tamaños { $size_a } y { $size_b } bytes
