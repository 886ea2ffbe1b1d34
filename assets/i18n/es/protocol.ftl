# es: los protocolos de los ejercicios tal como la gente los lee: por qué no se pudieron leer
# los bytes, y los errores de los nombres de formato

## Un nombre de formato (--format) que no se puede usar

proto-template-needs-both = una plantilla necesita {"{"}name{"}"} y {"{"}number{"}"}
proto-unknown-format = formato desconocido { $format }; use uno de { $names } o una plantilla como '{"{"}name{"}"}: {"{"}number{"}"}\n'

## Una petición de suma que no se puede leer

proto-unknown-binary = no es un formato que socklab entienda: { $bytes }
proto-binary-start = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }, empieza por `{ $first }`
proto-not-json = no es JSON válido: { $reason }
proto-json-not-object = JSON que no es un objeto
proto-json-without-fields = objeto JSON sin un campo de texto y un campo entero (se esperaba p. ej. {"{"}"name": "...", "number": 42{"}"})
proto-zero-length-name = datos binarios que empiezan por un byte cero y sin nombre
proto-name-with-nul = nombre con prefijo de longitud que contiene bytes NUL
proto-too-long-without-number = más de { $max } bytes sin un número
proto-line-without-number = una línea sin número al final
proto-number-without-name = un número sin nombre delante

## Pickles de Python

proto-pickle-unreadable = un pickle de Python que socklab no puede leer ({ $reason })
proto-pickle-reader-stopped = un pickle de Python que socklab no puede leer (su lector se detuvo en estos bytes)
proto-pickle-of-other = un pickle de Python de { $kind }, no de un nombre y un número
proto-pickle-of-items = un pickle de Python de { $count ->
        [one] { $count } elemento
       *[other] { $count } elementos
    } ({ $kinds }), no de un nombre y un número
proto-pickle-dict-without-number = un pickle de Python de un dict con un nombre y una suma pero sin número propio
proto-pickle-empty-dict = un pickle de Python de un dict vacío o de un objeto de una clase, no de un nombre y un número
proto-pickle-dict-keys = un pickle de Python de un dict con las claves { $keys }, no de un nombre y un número
proto-py-bool = un bool
proto-py-int = un int
proto-py-float = un float
proto-py-str = un str
proto-py-list = una list
proto-py-tuple = una tuple
proto-py-set = un set
proto-py-dict = un dict

## Una respuesta de suma que no se puede leer

proto-reply-sum-without-number = la respuesta da una suma ({ $sum }) pero no el número propio del servidor
proto-reply-several-numbers = la respuesta tiene varios números ({ $numbers }) y nada indica cuál es el del servidor

## Transferencia de archivos

proto-name-not-utf8 = el nombre del archivo no es UTF-8 válido
proto-name-empty = un nombre de archivo vacío
proto-name-nul = un nombre de archivo que contiene un byte NUL
proto-size-header = una cabecera de tamaño
proto-text-header = una cabecera de texto
proto-header-tcp = { $count ->
        [one] el primer byte
       *[other] los primeros { $size } bytes
    } (`{ $shown }`) llegaron solos y parecen { $what }: este servidor puede enviar su propia cabecera antes de los datos; se guardan como parte del archivo
proto-header-udp = el primer datagrama ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    }, `{ $shown }`) parece { $what }: este servidor puede usar su propio protocolo, no los bloques de 2048 bytes del enunciado

## TFTP

proto-tftp-unterminated = una cadena no termina en un byte cero
proto-tftp-not-text = una cadena no es texto
proto-tftp-option-without-value = una opción no tiene valor
proto-tftp-too-short = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: demasiado corto para un paquete TFTP
proto-tftp-no-block = sin número de bloque
proto-tftp-request-fields = una petición necesita un nombre de archivo y un modo
proto-tftp-mode = el modo "{ $mode }" no está soportado
proto-tftp-empty-name = el nombre del archivo está vacío
proto-tftp-opcode = el opcode { $opcode } no es TFTP
proto-tftp-unasked-option = el servidor aceptó "{ $name }", que nunca se pidió
proto-tftp-option-not-number = el { $name } "{ $value }" del servidor no es un número
proto-tftp-out-of-range = el { $name } { $value } del servidor está fuera de rango

## El significado de un código de error TFTP

proto-tftp-error-not-defined = error
proto-tftp-error-file-not-found = archivo no encontrado
proto-tftp-error-access-violation = violación de acceso
proto-tftp-error-disk-full = disco lleno
proto-tftp-error-illegal-operation = operación TFTP ilegal
proto-tftp-error-unknown-tid = ID de transferencia desconocido
proto-tftp-error-file-exists = el archivo ya existe
proto-tftp-error-no-such-user = no existe el usuario
proto-tftp-error-option-refused = negociación de opciones rechazada

## Por qué un servidor de archivos rechaza un nombre

proto-refused-absolute = rechazado: una ruta absoluta
proto-refused-parent = rechazado: una ruta con ".."
proto-refused-missing = no existe el archivo
proto-refused-not-a-file = rechazado: no es un archivo normal
proto-refused-link-outside = rechazado: un enlace que sale de la carpeta compartida
proto-refused-hidden = rechazado: un nombre oculto (una parte que empieza por "."), solo se sirve si se comparten los archivos ocultos (--serve-hidden)
proto-refused-io = no se puede leer: { $reason }
