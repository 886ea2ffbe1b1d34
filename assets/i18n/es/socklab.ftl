# Los mensajes de socklab en español (traducidos de en-US).

## El panel lateral: el aspecto de la ventana

theme = Tema
theme-system = Sistema
theme-light = Claro
theme-dark = Oscuro
size = Tamaño
size-hint = Texto y controles más grandes para un proyector
language = Idioma
language-default = Predeterminado ({ $language })
reset-ask = ¿Devolver todos los formularios, el tema y el tamaño a sus valores predeterminados?
reset = Restablecer
cancel = Cancelar
reset-settings = Restablecer la configuración…
reset-settings-hint = Formularios, tema y tamaño vuelven a sus valores predeterminados; los servidores en marcha siguen
projector-mode = Modo proyector
projector-mode-hint = Oculta esta lista y da a la página todo el ancho (F11 lo alterna)
shortcuts = F5 inicia o detiene el servidor de este ejercicio; Intro envía; Ctrl+1 el puerto del servidor, Ctrl+2 el cliente; Ctrl+Arriba/Abajo otro ejercicio; F11 modo proyector; Ctrl+más/menos el tamaño.


## La lista de ejercicios

tagline = prácticas de sockets, los dos papeles
exercises = Ejercicios
exercises-show-hint = Mostrar de nuevo la lista de ejercicios (F11)
exercise-running = { $exercise } (en marcha)

## Los ejercicios, por sus nombres en la línea de comandos

tcp-add-title = Sumar dos números
tcp-add-summary = El cliente envía un nombre y un número del 1 al 100; el servidor responde con su propio nombre y número, y ambos muestran la suma. Un número fuera de rango detiene el servidor.
udp-add-title = Sumar dos números
udp-add-summary = El mismo intercambio en datagramas: una petición, una respuesta, sin conexión. Un número fuera de rango detiene el servidor.
tcp-file-title = Transferencia de archivos
tcp-file-summary = El cliente envía un nombre de archivo; el servidor envía el archivo en bloques de 1024 bytes y cierra la conexión. Después, compare ambos archivos.
udp-file-title = Transferencia de archivos
udp-file-summary = El cliente envía un nombre de archivo en un datagrama; el servidor responde con datagramas de 2048 bytes, y el primero más corto termina el archivo.
tcp-echo-title = Eco
tcp-echo-summary = El servidor devuelve al instante todo lo que recibe. Una sesión lleva muchos mensajes hasta que el cliente envía una palabra de parada. La prueba del cookbook lee el eco en recepciones de 16 bytes: TCP es un flujo.
udp-echo-title = Eco
udp-echo-summary = Cada datagrama vuelve sin cambios, de 0 a 65 507 bytes. Sin conexión: cada mensaje va por su cuenta.
tcp-upper-title = Mayúsculas
tcp-upper-summary = El ejemplo del libro del que parten las prácticas: el cliente envía una frase y el servidor la devuelve en mayúsculas.
udp-upper-title = Mayúsculas
udp-upper-summary = El ejemplo del libro sobre UDP: un datagrama con una frase, un datagrama de vuelta en mayúsculas.
udp-guess-title = Adivina el número
udp-guess-summary = El servidor guarda un secreto del 1 al 99 para cada cliente y responde a cada intento con HIGHER, LOWER o CORRECT. Partir el intervalo por la mitad siempre gana en 7 intentos.
tftp-title = Transferencia fiable de archivos
tftp-summary = La transferencia UDP hecha fiable: cada bloque se numera y se confirma, y uno perdido se envía de nuevo. Pruébela con las mismas condiciones de red que la transferencia de la práctica.

## Las pestañas Tráfico, Cronología y Conexiones

copy-csv = Copiar CSV
copy-text = Copiar texto
no-socket-calls = Todavía no hay llamadas de socket.
no-connections = Todavía no hay conexiones.
close-connection-hint = Cerrar esta conexión desde el lado del servidor
