# pt-PT: os protocolos dos exercícios como as pessoas os leem: porque não foi possível ler os
# bytes, e os erros dos nomes de formato

## Um nome de formato (--format) que não pode ser usado

proto-template-needs-both = um modelo precisa de {"{"}name{"}"} e de {"{"}number{"}"}
proto-unknown-format = formato desconhecido { $format }; use um de { $names } ou um modelo como '{"{"}name{"}"}: {"{"}number{"}"}\n'

## Um pedido de soma que não pode ser lido

proto-unknown-binary = não é um formato que o socklab entenda: { $bytes }
proto-binary-start = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }, começa por `{ $first }`
proto-not-json = não é JSON válido: { $reason }
proto-json-not-object = JSON que não é um objeto
proto-json-without-fields = objeto JSON sem um campo de texto e um campo inteiro (esperava-se p. ex. {"{"}"name": "...", "number": 42{"}"})
proto-zero-length-name = dados binários que começam por um byte zero e sem nome
proto-name-with-nul = nome com prefixo de comprimento que contém bytes NUL
proto-too-long-without-number = mais de { $max } bytes sem um número
proto-line-without-number = uma linha sem número no fim
proto-number-without-name = um número sem nome antes dele

## Pickles de Python

proto-pickle-unreadable = um pickle de Python que o socklab não consegue ler ({ $reason })
proto-pickle-reader-stopped = um pickle de Python que o socklab não consegue ler (o leitor parou nestes bytes)
proto-pickle-of-other = um pickle de Python de { $kind }, não de um nome e um número
proto-pickle-of-items = um pickle de Python de { $count ->
        [one] { $count } elemento
       *[other] { $count } elementos
    } ({ $kinds }), não de um nome e um número
proto-pickle-dict-without-number = um pickle de Python de um dict com um nome e uma soma mas sem número próprio
proto-pickle-empty-dict = um pickle de Python de um dict vazio ou de um objeto de uma classe, não de um nome e um número
proto-pickle-dict-keys = um pickle de Python de um dict com as chaves { $keys }, não de um nome e um número
proto-py-bool = um bool
proto-py-int = um int
proto-py-float = um float
proto-py-str = uma str
proto-py-list = uma list
proto-py-tuple = um tuple
proto-py-set = um set
proto-py-dict = um dict

## Uma resposta de soma que não pode ser lida

proto-reply-sum-without-number = a resposta dá uma soma ({ $sum }) mas não o número do próprio servidor
proto-reply-several-numbers = a resposta tem vários números ({ $numbers }) e nada diz qual é o do servidor

## Transferência de ficheiros

proto-name-not-utf8 = o nome do ficheiro não é UTF-8 válido
proto-name-empty = um nome de ficheiro vazio
proto-name-nul = um nome de ficheiro que contém um byte NUL
proto-size-header = um cabeçalho de tamanho
proto-text-header = um cabeçalho de texto
proto-header-tcp = { $count ->
        [one] o primeiro byte
       *[other] os primeiros { $size } bytes
    } (`{ $shown }`) chegaram sozinhos e parecem { $what }: este servidor pode enviar o seu próprio cabeçalho antes dos dados; são guardados como parte do ficheiro
proto-header-udp = o primeiro datagrama ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    }, `{ $shown }`) parece { $what }: este servidor pode usar o seu próprio protocolo, e não os blocos de 2048 bytes do enunciado

## TFTP

proto-tftp-unterminated = uma string não termina com um byte zero
proto-tftp-not-text = uma string não é texto
proto-tftp-option-without-value = uma opção não tem valor
proto-tftp-too-short = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: demasiado curto para um pacote TFTP
proto-tftp-no-block = sem número de bloco
proto-tftp-request-fields = um pedido precisa de um nome de ficheiro e de um modo
proto-tftp-mode = o modo "{ $mode }" não é suportado
proto-tftp-empty-name = o nome do ficheiro está vazio
proto-tftp-opcode = o opcode { $opcode } não é TFTP
proto-tftp-unasked-option = o servidor aceitou "{ $name }", que nunca foi pedido
proto-tftp-option-not-number = o { $name } "{ $value }" do servidor não é um número
proto-tftp-out-of-range = o { $name } { $value } do servidor está fora do intervalo

## O significado de um código de erro TFTP

proto-tftp-error-not-defined = erro
proto-tftp-error-file-not-found = ficheiro não encontrado
proto-tftp-error-access-violation = violação de acesso
proto-tftp-error-disk-full = disco cheio
proto-tftp-error-illegal-operation = operação TFTP ilegal
proto-tftp-error-unknown-tid = ID de transferência desconhecido
proto-tftp-error-file-exists = o ficheiro já existe
proto-tftp-error-no-such-user = utilizador inexistente
proto-tftp-error-option-refused = negociação de opções recusada

## Porque é que um servidor de ficheiros recusa um nome

proto-refused-absolute = recusado: um caminho absoluto
proto-refused-parent = recusado: um caminho com ".."
proto-refused-missing = ficheiro inexistente
proto-refused-not-a-file = recusado: não é um ficheiro normal
proto-refused-link-outside = recusado: uma ligação simbólica que sai da pasta partilhada
proto-refused-hidden = recusado: um nome oculto (uma parte que começa por "."), só servido se os ficheiros ocultos forem partilhados (--serve-hidden)
proto-refused-io = não é possível lê-lo: { $reason }
