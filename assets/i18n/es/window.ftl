# es: the window's sections: Output, Traffic details, the Check section, dialogs

## Palabras que comparten varias secciones

win-save = Guardar
win-stop-exercise = Detener { $exercise }
win-saved = guardado en { $path }
win-cannot-save = no se pudo guardar { $path }: { $error }

## La sección Comprobar, bajo cada ejercicio

win-check-section = Comprobar el programa de un estudiante
win-check-intro = socklab ejecuta el programa (en una copia temporal de su carpeta, confinado salvo que lo desmarque abajo), hace el otro papel y lo comprueba según el enunciado.
win-check-program-is = El programa es el
win-check-server = servidor
win-check-client = cliente
win-check-what = Comprobar
win-check-one-program = un programa
win-check-class = una carpeta de entregas
win-check-folder = Carpeta de entregas
win-check-choose-folder = Elegir carpeta…
win-check-file-in-each = Archivo en cada una
win-check-file-in-each-hint = Un patrón dentro de la carpeta, p. ej. */TCPserver.py (una carpeta por estudiante)
win-check-program = Programa
win-check-choose-program = Elegir programa…
win-check-language = Lenguaje
win-check-any-command = cualquier orden
win-check-interpreter = Intérprete
win-check-build = Compilación
win-check-build-hint = Se ejecuta una vez en una copia de la carpeta del programa antes de las comprobaciones; {"{"}file{"}"} es el archivo del programa
win-check-arguments = Argumentos
win-check-arguments-hint = {"{"}host{"}"} y {"{"}port{"}"} se sustituyen; un cliente de archivos admite además {"{"}remote{"}"} y {"{"}local{"}"}
win-check-port = Puerto
win-check-confine = Confinar el programa
win-check-confine-hint = Linux: archivos, puertos TCP y señales con Landlock, límites de CPU, memoria, procesos y archivos, y otro usuario cuando socklab se ejecuta como root
win-check-untick-confine = o desmarque "{ $checkbox }"
win-check-run = ▶ Ejecutar comprobaciones
win-check-stop = ⏹ Detener
win-check-save-report = Guardar informe…
win-check-save-class-report = Guardar informe del grupo…
win-check-checking = comprobando…
win-check-or-save-to = o guardar en
win-check-report-path-hint = informe.md o informe.html
win-check-save-hint = Guardar el informe en la ruta escrita aquí (.html para una página)
win-check-not-saved = el informe no se guardó
win-check-cannot-start = no se pudo iniciar la comprobación: { $error }
win-check-bad-pattern = patrón no válido { $pattern }: { $error }
win-check-no-match = ningún archivo coincide con { $pattern }
win-pane-checks = comprobaciones
win-pane-program-output = salida del programa
win-check-totals-required-passed = { $passed ->
        [one] { $passed } superada
       *[other] { $passed } superadas
    }, { $failed ->
        [one] { $failed } fallida
       *[other] { $failed } fallidas
    } ({ $summary }), todas las comprobaciones obligatorias superadas
win-check-totals-required-failed = { $passed ->
        [one] { $passed } superada
       *[other] { $passed } superadas
    }, { $failed ->
        [one] { $failed } fallida
       *[other] { $failed } fallidas
    } ({ $summary }), falló una comprobación obligatoria
win-check-live-output = La salida del programa, mientras se ejecuta:
win-check-class-progress = { $checked } de { $count ->
        [one] { $count } entrega comprobada
       *[other] { $count } entregas comprobadas
    }
win-check-could-not-run = no se pudo ejecutar: { $error }
win-check-pass = PASA
win-check-fail = FALLA
win-check-skip = omitida
win-check-class-pass = pasa
win-check-class-fail = falla
win-check-class-skip = omitida
win-check-result = { $verdict } { $id } · { $title }: { $reason }
win-check-result-advisory = { $verdict } { $id } · { $title } (orientativa): { $reason }
win-check-sent = enviado: { $data }
win-check-received = recibido: { $data }
win-check-typed = escrito: { $data }
win-check-exit-code = código de salida { $code }
win-check-program-said = la salida del programa:

## La línea de estado de un servidor o cliente

win-not-running = Detenido
win-starting = iniciando…
win-listening = escuchando en { $address }
win-talking = hablando con { $address }
win-ended-server-stopped = terminado: el servidor con el que hablaba ({ $server }) se detuvo

## Las vistas bajo un formulario: Salida, Tráfico, Cronología, Conexiones

win-output = Salida
win-traffic = Tráfico
win-timeline = Cronología
win-connections = Conexiones
win-pane-view = { $view ->
        [output] salida
        [traffic] tráfico
        [timeline] cronología
       *[connections] conexiones
    } del { $role ->
        [server] servidor
       *[client] cliente
    }
win-new-lines-below = { $count ->
        [one] { $n } línea nueva
       *[other] { $n } líneas nuevas
    } abajo, en la Salida del { $role ->
        [server] servidor
       *[client] cliente
    }: mostrar
win-this-server = este servidor
win-this-client = este cliente

## Guardar lo que contiene la pestaña Tráfico

win-packets = { $count ->
        [one] { $n } paquete
       *[other] { $n } paquetes
    }
win-rows = { $count ->
        [one] { $n } fila
       *[other] { $n } filas
    }
win-capture = Captura: { $packets }
win-capture-hint = Lo que pasó por la red, reconstruido a partir de las llamadas de socket de socklab como un archivo pcapng que se abre en Wireshark (como máximo 16 MiB de datos y 200 000 paquetes por papel).
win-save-capture = Guardar captura…
win-save-csv = Guardar CSV…
win-save-csv-hint = Las filas del inspector en CSV
win-open-wireshark = Abrir en Wireshark
win-or-to = o en
win-path-hint = una ruta para escribir
win-save-capture-hint = Guardar la captura en la ruta escrita aquí
win-save-as-csv = Guardar como CSV
win-save-as-csv-hint = Guardar las filas del inspector en CSV en la ruta escrita aquí
win-saving = Guardando…
win-nothing-to-save = Todavía no ha pasado nada por la red.
win-traffic-saved = Guardado en { $path }: { $what }
win-traffic-cannot-save = No se pudo guardar { $path }: { $error }
win-wireshark-failed = No se pudo iniciar Wireshark: { $error }
win-save-no-thread = No se pudo empezar a guardar (sin hilo)
win-save-stopped = El guardado se detuvo inesperadamente

## La página de un ejercicio

win-port-held = { $exercise } se está ejecutando en el puerto { $port }: este servidor no puede escuchar también allí.

## La vista Salida: sus controles y sus líneas

win-show-hex = Mostrar hex
win-clear = Borrar
win-lines = { $count ->
        [one] { $n } línea
       *[other] { $n } líneas
    }
win-older-dropped = ({ $count ->
        [one] { $n } más antigua descartada
       *[other] { $n } más antiguas descartadas
    })
win-bytes = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    }
win-log-accepted = accept(): nueva conexión
win-log-connected = socket() en { $local }, hablando con { $peer }
win-log-bytes = { $count ->
        [one] { $way ->
            [sent] enviado
           *[received] recibido
        } { $n } byte
       *[other] { $way ->
            [sent] enviados
           *[received] recibidos
        } { $n } bytes
    } { $data }
win-log-packet = { $way ->
        [sent] enviado
       *[received] recibido
    } { $note }
win-log-dropped = { $count ->
        [one] { $n } byte
       *[other] { $n } bytes
    } { $data } descartados por el simulador: enviados, nunca entregados
win-log-sum = suma { $sum }: { $client_number } ({ $client_name }) + { $server_number } ({ $server_name }{ $role ->
        [server] , este servidor
       *[client] , el servidor
    })
win-log-format = formato: { $format }
win-log-sharing = compartiendo { $count ->
        [one] { $n } archivo
       *[other] { $n } archivos
    }
win-log-chunks = { $transport ->
        [tcp] { $count ->
            [one] { $n } bloque
           *[other] { $n } bloques
        }
       *[udp] { $count ->
            [one] { $n } datagrama
           *[other] { $n } datagramas
        }
    }
win-log-file-sent = enviado { $name }: { $bytes }, { $chunks }, { $seconds } s
win-log-file-saved = guardado { $path }: { $bytes }, { $chunks }, { $seconds } s
win-log-segments = { " " }en { $count } recepciones de { $sizes } bytes
win-log-guess = intento n.º { $count }: { $guess } → { $reply }
win-log-not-a-number = no es un número (no cuenta) → { $reply }
win-log-secret = partida nueva; el secreto es
win-log-secret-hidden = { $text } oculto (marque "Mostrar secreto")
win-log-hint = sugerencia: { $hint }

## La vista Tráfico: el inspector

win-traffic-connection = Conexión
win-traffic-all = todas
win-traffic-direction = Sentido
win-traffic-all-directions = todos los sentidos
win-traffic-sent = enviados
win-traffic-received = recibidos
win-traffic-socket-calls = llamadas de socket
win-traffic-search = Buscar
win-traffic-hex = Hex
win-traffic-shown = { $shown } de { $count ->
        [one] { $n } fila
       *[other] { $n } filas
    }
win-traffic-shown-dropped = { $shown } de { $count ->
        [one] { $n } fila
       *[other] { $n } filas
    } ({ $dropped } más antiguas descartadas; como máximo se guardan { $kept })
win-traffic-col-time = hora
win-traffic-col-connection = conexión
win-traffic-col-call = llamada
win-traffic-col-bytes = bytes
win-traffic-col-data = datos
win-traffic-col-hex = hex
win-traffic-col-call-bytes = llamada, bytes
win-traffic-listening = en escucha
win-traffic-text-listening = (socket de escucha)
win-traffic-socket-at = en { $local }
win-traffic-dgram-socket-at = SOCK_DGRAM en { $local }
win-traffic-dropped = descartado por el simulador
win-traffic-bulk-sent = ×{ $chunks } · { $transport ->
        [tcp] bloques de
       *[udp] datagramas de
    } { $each } B · último { $last } B · { $total } en total
win-traffic-bulk-received = { $total } en total · { $count ->
        [one] { $n } bloque
       *[other] { $n } bloques
    } de { $each } B
win-traffic-bulk-datagrams = ×{ $chunks } · { $total } en total

## La vista Conexiones

win-connections-latest = las últimas { $shown } de { $all } conexiones (Tráfico las lista todas)
win-connections-col-close = cerrar
win-connections-col-peer = extremo
win-connections-col-state = estado
win-connections-col-in = entrada
win-connections-col-out = salida
win-connections-close = Cerrar
win-connections-row-hint = conexión n.º { $id } desde { $peer }: iniciada a las { $started }, última actividad a las { $last }
win-link-open = abierta
win-link-heard-from = recibido de
win-link-talking-to = hablando con
win-link-closed = cerrada
win-link-closed-because = cerrada: { $reason }

## La vista Cronología

win-timeline-none-yet = ninguna todavía
win-timeline-latest = la más reciente: { $connection }
win-timeline-follow-latest = la más reciente (sigue las nuevas)
win-timeline-listening-socket = socket de escucha: { $calls }
win-timeline-receives = { $receives } recepciones, { $bytes } en total
win-timeline-peer = extremo
win-timeline-stream-note = TCP es un flujo de bytes: un send() puede llegar en varias llamadas recv(), o varios en una sola.
