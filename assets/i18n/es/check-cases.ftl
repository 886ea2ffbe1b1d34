# es: socklab check: the reasons of the add and file exercises' checks, and what socklab says of the program it runs and confines (its start, its build, its limits, its confinement, the ports it needs)

## The add exercise's checks (socklab check tcp-add/udp-add): each verdict's reason

case-add-answered-in = "{ $name }" y { $number } en respuesta a { $sent } ({ $format })
case-add-no-reply-in-any-format = ninguna respuesta que socklab pudiera leer en ninguno de sus formatos
case-add-never-answered = el servidor nunca respondió
case-add-exited-after-first-client = el servidor terminó después de su primer cliente
case-add-second-answered = un segundo cliente recibió respuesta
case-add-second-no-reply = un segundo cliente no recibió respuesta
case-add-udp-whole = UDP: un datagrama llega entero
case-add-udp-no-connection = UDP no tiene conexión que mantener abierta
case-add-answered = respondió
case-add-no-reply-beside-silent = sin respuesta mientras otro cliente seguía conectado y en silencio
case-add-no-reply-after-malformed = sin respuesta a una petición normal después de una mal formada
case-add-exited-on-malformed = el servidor terminó con una petición mal formada
case-add-150-answered = 150 recibió como respuesta { $number } (una suma de { $sum })
case-add-150-not-exited = sin respuesta, pero el servidor no terminó en 3 s
case-add-150-exited-port-kept = terminó, pero su puerto no se liberó en 3 s
case-add-150-stopped = sin respuesta a 150; terminó y liberó su puerto
case-add-no-reply-to-pieces = ninguna respuesta que socklab pudiera leer a una petición enviada en { $count ->
        [one] { $count } trozo
       *[other] { $count } trozos
    }: "{ $got }"
case-add-io-error = { $error }
case-add-own-server-failed = el servidor add de socklab no pudo arrancar
case-add-no-format-yet = no se encontró ningún formato antes de esta comprobación
case-add-sent = "{ $name }" y { $number } ({ $format })
case-add-sent-own-name = "{ $name }" y { $number } ({ $format }) (se escribió "{ $typed }"; envió el nombre escrito en su código)
case-add-sent-name-in-code = "{ $name }" y { $number } ({ $format }) (su nombre está escrito en su código: no pidió ninguno)
case-add-ended-without-request = el programa terminó sin enviar una petición que socklab pudiera leer
case-add-no-request = ninguna petición que socklab pudiera leer en { $seconds } s
case-add-no-request-read = no se leyó ninguna petición
case-add-after-reply = la respuesta
case-add-showed-sum = mostró la suma
case-add-exit-none = ninguno
case-add-150-sent-exited-silently = envió 150 y terminó sin decir nada (código de salida { $code }): quien lo usa no puede saber qué pasó
case-add-150-nothing-exited-silently = no envió nada y terminó sin decir nada (código de salida { $code }): quien lo usa no puede saber qué pasó
case-add-150-sent-said = envió 150 (el servidor de socklab respondió como en el laboratorio: sin respuesta), y dijo: "{ $said }"
case-add-150-refused-said = rechazó 150 sin enviarlo, y dijo: "{ $said }"
case-add-ended-with-message = terminó con un mensaje
case-add-never-connected = nunca se conectó
case-add-no-request-read-short = ninguna petición leída
case-add-sum-not-shown = no mostró la suma { $sum } después de una respuesta en dos trozos

## The file exercise's checks (socklab check tcp-file/udp-file): each verdict's reason

case-file-no-thread = sin hilo
case-file-no-end = sin final
case-file-arrived-different = { $size } B llegaron como { $got } B, distintos
case-file-sizes-wrong = { $wrong }
case-file-sizes-identical = { $count ->
        [one] { $count } tamaño, idéntico byte a byte
       *[other] { $count } tamaños, cada uno idéntico byte a byte
    }
case-file-one-process = un solo proceso sirvió todas las descargas
case-file-exits-after-each = se arrancó { $starts ->
        [one] una vez
       *[other] { $starts } veces
    } para { $downloads } descargas: termina después de cada transferencia
case-file-exited-on-missing = el servidor terminó con un archivo inexistente
case-file-next-failed-after-missing = la descarga siguiente falló después de un archivo inexistente
case-file-went-on = siguió sirviendo
case-file-udp-no-connection = UDP no tiene conexión que mantener abierta
case-file-served-beside-silent = se sirvió una descarga mientras otro cliente seguía conectado y en silencio
case-file-download-different = la descarga llegó distinta
case-file-no-download-beside-silent = ninguna descarga mientras otro cliente seguía conectado y en silencio: { $error }
case-file-io-error = { $error }
case-file-stayed-open = la conexión siguió abierta { $seconds } s después de { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: un cliente del enunciado esperaría para siempre
case-file-no-datagram = no volvió ningún datagrama
case-file-then-silence = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    } y luego silencio, sin un datagrama más corto que los terminara
case-file-no-scratch-folder = el servidor no se ejecuta en ninguna carpeta de trabajo desde la que mirar fuera
case-file-no-parent = la carpeta del servidor no tiene carpeta padre
case-file-was-sent = se envió "{ $name }"
case-file-traversal-refused = no se envió ni ../nombre ni una ruta absoluta
case-file-traversal-served = { $sent }: se sirve cualquier archivo que el usuario del servidor pueda leer
case-file-exited-on-empty = el servidor terminó con un archivo vacío
case-file-empty-closed = la conexión se cerró sin datos
case-file-empty-datagram = un datagrama vacío
case-file-bytes-for-empty = { $count ->
        [one] llegó { $count } byte
       *[other] llegaron { $count } bytes
    } para un archivo vacío
case-file-empty-served-next = { $ended }, y sirvió la descarga siguiente
case-file-empty-next-different = { $ended }, pero la descarga siguiente llegó distinta
case-file-empty-next-failed = { $ended }, pero la descarga siguiente falló: { $error }
case-file-datagrams = { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    }, el último de { $last ->
        [one] { $last } byte
       *[other] { $last } bytes
    }
case-file-no-empty-datagram = { $count ->
        [one] { $count } datagrama
       *[other] { $count } datagramas
    } de 2048 bytes y ninguno vacío después: un cliente del enunciado esperaría para siempre
case-file-datagram-sizes = tamaños de datagrama { $sizes } para un archivo de { $file } bytes
case-file-run-exit-code = { $size } B: código de salida { $code }
case-file-run-still-running = { $size } B: todavía en ejecución después de { $seconds } s
case-file-saved-different = { $size } B guardados como { $got } B, distintos
case-file-size-nothing-saved = { $size } B: nada guardado
case-file-exit-0-every-time = código de salida 0 todas las veces
case-file-exit-codes = { $runs }
case-file-exit-none = ninguno
case-file-ended-empty-left = terminó sin traceback (quedó un archivo vacío)
case-file-ended-cleanly = terminó sin traceback
case-file-running-after-empty-datagram = todavía en ejecución { $seconds } s después del datagrama vacío que termina un archivo de { $size } bytes
case-file-stopped-at-empty-datagram = se detuvo en el datagrama vacío y guardó { $size } bytes, idénticos
case-file-exit-nothing-saved = código de salida { $code }, nada guardado
case-file-exit-saved = código de salida { $code }, { $count ->
        [one] { $count } byte guardado
       *[other] { $count } bytes guardados
    }
case-file-exit-saved-different = código de salida { $code }, { $count ->
        [one] { $count } byte guardado
       *[other] { $count } bytes guardados
    }, distintos
case-file-udp-whole = UDP: un datagrama llega entero
case-file-pieces-identical = guardado idéntico; { $pieces }
case-file-pieces-nothing-saved = nada guardado; { $pieces }
case-file-pieces-different = { $count ->
        [one] { $count } byte guardado
       *[other] { $count } bytes guardados
    }, distintos; { $pieces }
case-file-pieces-written = { $size } bytes escritos en trozos de { $pieces } bytes
case-file-cannot-listen = socklab no pudo escuchar en el puerto { $port }: { $error }

## The program under test: why it could not run, what was cut from its output

case-program-cannot-run = no se puede ejecutar { $command }: { $reason }
case-program-stopped = la comprobación se detuvo
case-program-no-command = no se dio ningún comando
case-program-no-copy = { $error }
case-program-cannot-copy = no se puede copiar { $folder }: { $error }
case-program-spawn-failed = { $error }
case-program-output-dropped = [{ $count ->
        [one] { $count } byte más no guardado
       *[other] { $count } bytes más no guardados
    }]
case-program-no-plan = sin plan
case-program-launcher-silent = el lanzador no dijo qué aplicó

## The build (--build): the "builds" check's reason; $line the build command

case-build-ended = "{ $line }" terminó con código 0
case-build-failed = "{ $line }" falló con código { $code }
case-build-signal = "{ $line }" fue terminado por una señal
case-build-timed-out = "{ $line }" no terminó en { $seconds } s: detenido

## A limit that stopped the program (added to a check's reason in brackets)

case-limit-memory = detenido: límite de memoria de { $mib } MiB
case-limit-cpu = detenido: límite de CPU de { $seconds } s
case-limit-file-size = detenido: límite de tamaño de archivo de { $mib } MiB
case-limit-processes = detenido: límite de { $count } procesos
case-limit-open-files = detenido: límite de { $count } archivos abiertos

## Confinement: what was applied to the program under test, or why not (reports, the window)

case-confine-off-asked = --no-confine: se ejecuta con todos los derechos del usuario
case-confine-no-landlock-system = este sistema no tiene Landlock: se ejecuta con todos los derechos del usuario
case-confine-linux-only = el confinamiento solo funciona en Linux
case-confine-user-own = el del propio usuario
case-confine-user-named = { $user } (uid { $uid })
case-confine-user-checking = el del usuario que comprueba (uid { $uid })
case-confine-no-passwd = { $error }
case-confine-no-user = no existe el usuario { $user } en este sistema (--as-user NOMBRE)
case-confine-not-found = { $program }: no encontrado
case-confine-no-spec = { $error }
case-confine-interpreter-closed = el intérprete { $interpreter } está en { $folder }, donde el usuario { $user } no puede entrar: use un intérprete que cualquier usuario pueda ejecutar (p. ej. /usr/bin/python3), { $hint }
case-confine-cannot-give = no se puede dar { $folder } al usuario { $user }: { $error }
case-confine-no-launcher = no se encuentra el programa socklab que confina los programas bajo prueba (o ejecute sin confinar)
case-confine-cannot-exec = no se puede ejecutar { $program }: { $error }
case-confine-cannot-confine = no se puede confinar el programa: { $why }
case-confine-no-spec-given = no se indicó ningún confinamiento
case-confine-memory-and-processes-by-cgroup = memoria residente y procesos por un { $cgroup }, segmento de datos de { $data } MiB por proceso
case-confine-memory-by-cgroup = memoria residente por un { $cgroup }, segmento de datos de { $data } MiB por proceso
case-confine-memory-by-data = segmento de datos de { $data } MiB por proceso
case-confine-no-cgroup = memoria residente: no se pudo crear ningún cgroup ({ $why }): en su lugar se limita el segmento de datos de cada proceso
case-confine-cgroup-not-joined = memoria residente: el programa no pudo entrar en su cgroup
case-confine-limit-cpu = el límite de segundos de CPU
case-confine-limit-data = el límite del segmento de datos
case-confine-limit-processes = el límite de procesos
case-confine-limit-file-size = el límite de tamaño de archivo
case-confine-limit-open-files = el límite de archivos abiertos
case-confine-limit-core = el límite de archivos core
case-confine-as-root = se ejecuta como root (--as-user root): el límite de procesos no se aplica a root
case-confine-no-landlock-kernel = Landlock: este kernel no lo tiene (o está desactivado): archivos, puertos y señales no se confinan
case-confine-no-tcp-rules = puertos TCP: Landlock ABI { $abi } no tiene reglas de red (ABI 4, Linux 6.7)
case-confine-no-signal-scope = señales: Landlock ABI { $abi } no las delimita (ABI 6, Linux 6.12)
case-confine-landlock-error = Landlock: { $error }
case-confine-line-off = sin confinar: { $why }
case-confine-line-windows = confinado por un Job object de Windows; todos sus procesos se terminan en cada caso; archivos y puertos no se confinan
case-confine-line-windows-limits = confinado por un Job object de Windows: como máximo { $processes } procesos, { $memory } MiB de memoria, { $cpu } s de tiempo de CPU; todos sus procesos se terminan en cada caso; archivos y puertos no se confinan
case-confine-line = confinado (Landlock ABI { $abi }, { $landlock }): { $what }; como usuario { $user }
case-confine-part-files = archivos (carpetas del sistema e intérprete solo de lectura, escritura solo en su copia de trabajo)
case-confine-part-tcp-ports = puertos TCP (solo el del ejercicio)
case-confine-part-signals = señales y sockets UNIX abstractos (solo sus propios procesos)
case-confine-part-nothing = nada por Landlock
case-confine-landlock-full = aplicado por completo
case-confine-landlock-partial = aplicado en parte
case-confine-landlock-none = no aplicado
case-confine-line-limits = ; límites: { $cpu } s de CPU, { $memory } MiB de memoria, { $processes } procesos, { $files } MiB de archivos, { $open } archivos abiertos
case-confine-line-limits-memory = ; límites: { $cpu } s de CPU, { $memory } MiB de memoria ({ $bound }), { $processes } procesos, { $files } MiB de archivos, { $open } archivos abiertos
case-confine-line-missing = ; no aplicado: { $what }

## cgroups (why none could be made, inside case-confine-no-cgroup)

case-cgroup-no-memory-controller = no hay montada ninguna jerarquía de cgroups con el controlador de memoria
case-cgroup-no-group = ningún grupo

## Ports: who holds one, and a port the system lends to outgoing connections

case-port-held-by-socklab = el propio socklab (PID { $pid }: uno de sus servidores)
case-port-held-by-another = otro programa
case-port-ephemeral-note = nota: el puerto { $port } está en el rango de este sistema para conexiones salientes ({ $low }-{ $high }): cualquier conexión puede ocuparlo durante un tiempo, y el servidor de un estudiante no puede entonces escuchar en él; un puerto por debajo de { $low } (12000, { $first }-{ $last }) lo evita
