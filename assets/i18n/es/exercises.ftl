# es: the exercises' pages: forms, buttons, their states and hints

## Todas las páginas de ejercicio: los dos formularios, sus filas y botones comunes

ex-server = Servidor
ex-client = Cliente
ex-start-server = ▶ Iniciar servidor
ex-stop-server = ⏹ Detener servidor
ex-send = ✉ Enviar
ex-server-address = Dirección del servidor
ex-bind-address = Dirección de escucha
ex-bind-all-ipv4 = Todas las interfaces (0.0.0.0)
ex-bind-loopback = Solo este equipo (127.0.0.1)
ex-bind-all-ipv6 = IPv6, todas las interfaces (::)
ex-bind-loopback-note = Solo este equipo puede conectarse a él.
ex-port = Puerto
ex-port-privileged = Por debajo de 1024 hacen falta permisos de administrador.
ex-reach-at = Conectarse a este servidor en
ex-copy = Copiar
ex-resize = Cambiar el tamaño de { $name }

## Un número escrito en un campo del formulario

ex-number-empty = escriba un número del { $min } al { $max }
ex-number-out-of-range = { $typed } está fuera de rango: { $min } a { $max }
ex-number-not-a-number = "{ $typed }" no es un número: escriba del { $min } al { $max }

## Diálogos de archivos: por qué no se abrió ninguno

ex-dialog-not-opened = No se pudo abrir un diálogo de archivos; escriba la ruta.
ex-dialog-none = Este escritorio no tiene diálogo de archivos (ni portal XDG ni zenity); escriba la ruta.
ex-dialog-failed = El diálogo de archivos falló; escriba la ruta.

## Condiciones de red (simuladas), en todos los ejercicios UDP

ex-net-title = Condiciones de red (simuladas): { $conditions }
ex-net-title-none = Condiciones de red (simuladas): ninguna
ex-net-hint = socklab perturba sus propios datagramas: lo que el servidor y el cliente de esta ventana envían (y reciben, si se pide). Se aplican desde el próximo inicio.
ex-net-loss = Pérdida (%)
ex-net-duplicate = Duplicación (%)
ex-net-reorder = Reordenación (%)
ex-net-delay = Retardo (ms)
ex-net-jitter = Jitter (ms)
ex-net-also-receive = También al recibir
ex-net-fixed-seed = Semilla fija
ex-net-seed-hint = La misma semilla pierde los mismos datagramas en cada ejecución
ex-net-server-counts = Servidor: { $counts }
ex-net-client-counts = Cliente: { $counts }

## Sumar dos números (tcp-add, udp-add)

ex-add-server-name = Nombre del servidor
ex-add-server-number = Número del servidor
ex-add-random = Aleatorio en cada inicio
ex-add-stop-out-of-range = Detenerse cuando un número esté fuera de rango (regla de la práctica)
ex-add-name-risky = El nombre contiene { $chars }: los clientes que separan las respuestas por ese carácter leerán mal el nombre.
ex-add-number-this-run = número de esta ejecución: { $number }
ex-add-latest = Último: { $client } { $client_number } + { $server } { $server_number } = { $sum }
ex-add-latest-from = desde { $peer }
ex-add-clients-tcp =
    { $names ->
        [one] { $names_shown } nombre
       *[other] { $names_shown } nombres
    }, { $links ->
        [one] { $links_shown } conexión
       *[other] { $links_shown } conexiones
    }, { $requests ->
        [one] { $requests_shown } petición
       *[other] { $requests_shown } peticiones
    } · { $open ->
        [one] { $open } abierta ahora
       *[other] { $open } abiertas ahora
    }
ex-add-clients-udp =
    { $names ->
        [one] { $names_shown } nombre
       *[other] { $names_shown } nombres
    }, { $links ->
        [one] { $links_shown } dirección
       *[other] { $links_shown } direcciones
    }, { $requests ->
        [one] { $requests_shown } petición
       *[other] { $requests_shown } peticiones
    }
ex-add-client-ports = { $ip } puertos { $ports }
ex-add-requests =
    { $count ->
        [one] { $shown } petición
       *[other] { $shown } peticiones
    }
ex-add-client-name = Nombre del cliente
ex-add-client-number = Número del cliente
ex-add-format = Formato del mensaje
ex-add-template = Plantilla
ex-add-number-invalid = Escriba un número entero del { $min } al { $max }.
ex-add-number-outside = { $number } está fuera del { $min } al { $max }: un servidor de la práctica que siga el enunciado cierra sin responder y se detiene (es su apagado).
ex-add-name-missing = Escriba un nombre: el cliente del enunciado lo envía con su número.
ex-add-will-send = Enviará: { $preview }
ex-add-then = { $first } y después { $next }
ex-add-nothing-to-send = Nada que enviar hasta que el formulario esté bien.
ex-add-clients-name = Nombre del cliente
ex-add-servers-name = Nombre del servidor
ex-add-numbers = Números
ex-add-sum = Suma
ex-add-sum-agrees = la suma del servidor, { $sum }, coincide
ex-add-sum-said = el servidor dijo { $sum }
ex-add-sum-in-range = ambos números en 1..100
ex-add-sum-out-of-range = el número del servidor está fuera de 1..100

## Transferencia de archivos (tcp-file, udp-file, tftp)

ex-file-shared-folder = Carpeta compartida
ex-file-choose-folder = Elegir carpeta…
ex-file-home-warning = Esta es su carpeta personal: cada archivo que contiene queda al alcance de quien llegue a este equipo. Una carpeta propia (socklab-share) es más segura.
ex-file-serve-hidden = Servir archivos ocultos
ex-file-serve-hidden-hint = Nombres con una parte que empieza por punto (.ssh/id_rsa, lab/.git/config); desactivado, se rechazan: cualquiera en la red podría pedirlos
ex-file-accept-uploads = Aceptar subidas
ex-file-accept-uploads-hint = Las peticiones de escritura guardan archivos nuevos en la carpeta compartida; un archivo existente nunca se reemplaza
ex-file-send-rate = Velocidad de envío (MiB/s)
ex-file-send-rate-hint = UDP no tiene control de flujo: enviar más rápido de lo que lee el cliente pierde datagramas.
ex-file-rate-warning = Por encima de { $rate } MiB/s, el cliente de un estudiante con búferes predeterminados puede perder datagramas sin saberlo: su archivo queda más corto.
ex-file-to-peer = a { $peer }
ex-file-throughput-ended = Caudal de la última transferencia, a { $peer } (terminada)
ex-file-throughput-to = Caudal hacia { $peer }
ex-file-shared-files = Archivos compartidos ({ $count })
ex-file-use-name-hint = Usar este nombre en el formulario del cliente
ex-file-direction = Sentido
ex-file-download = descargar
ex-file-upload = subir
ex-file-remote-name = Nombre del archivo remoto
ex-file-window = Ventana (bloques)
ex-file-window-hint = Bloques enviados antes de un ACK (RFC 7440); 1 es TFTP simple
ex-file-to-send = Archivo que enviar
ex-file-save-as = Guardar como
ex-file-choose = Elegir archivo…
ex-file-save-as-button = Guardar como…
ex-file-remote-missing = Escriba el nombre del archivo en el servidor.
ex-file-to-send-missing = Elija el archivo que enviar.
ex-file-save-as-missing = Elija dónde guardarlo.
ex-file-upload-button = ⬆ Subir
ex-file-download-button = ⬇ Descargar
ex-file-exists = { $path } ya existe.
ex-file-overwrite = Sobrescribir
ex-file-keep = Conservarlo
ex-file-tftp-note = TFTP numera y confirma cada bloque, y reenvía un bloque perdido: el archivo llega entero o no llega.
ex-file-udp-note = El protocolo UDP de la práctica no tiene números de secuencia: los datagramas perdidos no se pueden detectar, solo una transferencia detenida.
ex-file-uploading = subiendo
ex-file-sent = enviado
ex-file-downloading = descargando
ex-file-received = recibido
ex-file-upload-throughput = Caudal de subida
ex-file-download-throughput = Caudal de descarga
ex-file-sent-label = Enviado
ex-file-saved-label = Guardado
ex-file-size = Tamaño
ex-file-size-value =
    { $count ->
        [one] { $shown } byte
       *[other] { $shown } bytes
    } ({ $human })
ex-file-warning = Aviso
ex-file-compare-files = Comparar archivos
ex-file-compare-hint = Como diff o fc: ¿son iguales el archivo enviado y el recibido?
ex-file-compare-a = Archivo A
ex-file-compare-b = Archivo B
ex-file-browse-a = Examinar A…
ex-file-browse-b = Examinar B…
ex-file-compare = Comparar
ex-file-comparing = comparando…
ex-file-compare-stopped = la comparación se detuvo inesperadamente
ex-file-chart-hint =
    { $title }: pico de { $peak } MiB/s en { $end } s ({ $count ->
        [one] { $count } muestra
       *[other] { $count } muestras
    })
ex-file-progress = { $label }: { $size } · { $pieces } · { $rate } · { $time }
ex-file-blocks =
    { $count ->
        [one] { $shown } bloque
       *[other] { $shown } bloques
    }
ex-file-datagrams =
    { $count ->
        [one] { $shown } datagrama
       *[other] { $shown } datagramas
    }
ex-file-progress-resent =
    { $progress } · { $count ->
        [one] { $resent } reenviado
       *[other] { $resent } reenviados
    }

## Eco y Mayúsculas (tcp-echo, udp-echo, tcp-upper, udp-upper)

ex-echo-stop-words = Palabras de parada
ex-echo-stop-words-hint = Separadas por comas; se ignoran las mayúsculas y los espacios alrededor.
ex-echo-sessions-tcp =
    Sesiones abiertas: { $open } · { $answered ->
        [one] { $answered_shown } mensaje respondido
       *[other] { $answered_shown } mensajes respondidos
    } · { $seen ->
        [one] { $seen_shown } sesión
       *[other] { $seen_shown } sesiones
    } desde el inicio
ex-echo-clients-udp =
    Clientes escuchados: { $open } · { $answered ->
        [one] { $answered_shown } mensaje respondido
       *[other] { $answered_shown } mensajes respondidos
    } · { $seen ->
        [one] { $seen_shown } cliente
       *[other] { $seen_shown } clientes
    } desde el inicio
ex-echo-session =
    { $peer } · { $count ->
        [one] { $shown } mensaje
       *[other] { $shown } mensajes
    }
ex-echo-message = Mensaje
ex-echo-too-big = Un datagrama UDP lleva como máximo { $max } bytes.
ex-echo-cookbook = Prueba del cookbook
ex-echo-cookbook-hint = Enviar "{ $message }" en una sesión nueva y leer el eco en recepciones de { $bytes } bytes
ex-echo-disconnect = Desconectar
ex-echo-close-socket = Cerrar socket
ex-echo-clear-chat = Borrar conversación
ex-echo-conversation =
    Conversación ({ $count ->
        [one] { $shown } respuesta
       *[other] { $shown } respuestas
    })
ex-echo-you = tú →
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
    } en { $receives } recepciones: { $segments })

## Adivinar el número (udp-guess)

ex-guess-secret = Secreto
ex-guess-random = Aleatorio en cada partida
ex-guess-replies = Respuestas
ex-guess-games-won =
    { $count ->
        [one] { $shown } partida ganada
       *[other] { $shown } partidas ganadas
    }
ex-guess-show-secret = Mostrar secreto
ex-guess-show-secret-hint = La salida del servidor muestra el secreto de cada partida (¡no en un proyector!)
ex-guess-your-guess = Su intento
ex-guess-pause = Pausa del juego automático
ex-guess-pause-hint = Segundos entre los intentos del juego automático; 0 juega de inmediato
ex-guess-guess = Adivinar
ex-guess-auto-play = Juego automático
ex-guess-auto-play-hint = Partir el rango por la mitad cada vez: como máximo 7 intentos para 1..99
ex-guess-new-game = Nueva partida
ex-guess-count = Intentos: { $count }
ex-guess-count-won = Intentos: { $count } · ¡acertó!
ex-guess-not-a-number = (no es un número)
