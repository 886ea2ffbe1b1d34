# pt-BR: os protocolos dos exercícios como as pessoas os leem: por que não foi possível ler os
# bytes, e os erros dos nomes de formato

## Um nome de formato (--format) que não pode ser usado

proto-template-needs-both = um modelo precisa de {"{"}name{"}"} e de {"{"}number{"}"}
proto-unknown-format = formato desconhecido { $format }; use um de { $names } ou um modelo como '{"{"}name{"}"}: {"{"}number{"}"}\n'

## Um pedido de soma que não pode ser lido

proto-unknown-binary = não é um formato que o socklab entenda: { $bytes }
proto-binary-start = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }, começa com `{ $first }`
proto-not-json = não é JSON válido: { $reason }
proto-json-not-object = JSON que não é um objeto
proto-json-without-fields = objeto JSON sem um campo de texto e um campo inteiro (esperado p. ex. {"{"}"name": "...", "number": 42{"}"})
proto-zero-length-name = dados binários que começam com um byte zero e sem nome
proto-name-with-nul = nome com prefixo de tamanho que contém bytes NUL
proto-too-long-without-number = mais de { $max } bytes sem um número
proto-line-without-number = uma linha sem número no final
proto-number-without-name = um número sem nome antes dele

## Pickles de Python

proto-pickle-unreadable = um pickle de Python que o socklab não consegue ler ({ $reason })
proto-pickle-reader-stopped = um pickle de Python que o socklab não consegue ler (o leitor parou nestes bytes)
proto-pickle-of-other = um pickle de Python de { $kind }, não de um nome e um número
proto-pickle-of-items = um pickle de Python de { $count ->
        [one] { $count } item
       *[other] { $count } itens
    } ({ $kinds }), não de um nome e um número
proto-pickle-dict-without-number = um pickle de Python de um dict com um nome e uma soma mas sem número próprio
proto-pickle-empty-dict = um pickle de Python de um dict vazio ou de um objeto de uma classe, não de um nome e um número
proto-pickle-dict-keys = um pickle de Python de um dict com as chaves { $keys }, não de um nome e um número
proto-py-bool = um bool
proto-py-int = um int
proto-py-float = um float
proto-py-str = uma str
proto-py-list = uma list
proto-py-tuple = uma tuple
proto-py-set = um set
proto-py-dict = um dict

## Uma resposta de soma que não pode ser lida

proto-reply-sum-without-number = a resposta dá uma soma ({ $sum }) mas não o número do próprio servidor
proto-reply-several-numbers = a resposta tem vários números ({ $numbers }) e nada diz qual é o do servidor

## Transferência de arquivos

proto-name-not-utf8 = o nome do arquivo não é UTF-8 válido
proto-name-empty = um nome de arquivo vazio
proto-name-nul = um nome de arquivo que contém um byte NUL
proto-size-header = um cabeçalho de tamanho
proto-text-header = um cabeçalho de texto
proto-header-tcp = { $count ->
        [one] o primeiro byte
       *[other] os primeiros { $size } bytes
    } (`{ $shown }`) chegaram sozinhos e parecem { $what }: este servidor pode enviar seu próprio cabeçalho antes dos dados; eles são salvos como parte do arquivo
proto-header-udp = o primeiro datagrama ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    }, `{ $shown }`) parece { $what }: este servidor pode usar seu próprio protocolo, e não os blocos de 2048 bytes do roteiro

## TFTP

proto-tftp-unterminated = uma string não termina com um byte zero
proto-tftp-not-text = uma string não é texto
proto-tftp-option-without-value = uma opção não tem valor
proto-tftp-too-short = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }: curto demais para um pacote TFTP
proto-tftp-no-block = sem número de bloco
proto-tftp-request-fields = um pedido precisa de um nome de arquivo e de um modo
proto-tftp-mode = o modo "{ $mode }" não é suportado
proto-tftp-empty-name = o nome do arquivo está vazio
proto-tftp-opcode = o opcode { $opcode } não é TFTP
proto-tftp-unasked-option = o servidor aceitou "{ $name }", que nunca foi pedido
proto-tftp-option-not-number = o { $name } "{ $value }" do servidor não é um número
proto-tftp-out-of-range = o { $name } { $value } do servidor está fora do intervalo

## O significado de um código de erro TFTP

proto-tftp-error-not-defined = erro
proto-tftp-error-file-not-found = arquivo não encontrado
proto-tftp-error-access-violation = violação de acesso
proto-tftp-error-disk-full = disco cheio
proto-tftp-error-illegal-operation = operação TFTP ilegal
proto-tftp-error-unknown-tid = ID de transferência desconhecido
proto-tftp-error-file-exists = o arquivo já existe
proto-tftp-error-no-such-user = usuário inexistente
proto-tftp-error-option-refused = negociação de opções recusada

## Por que um servidor de arquivos recusa um nome

proto-refused-absolute = recusado: um caminho absoluto
proto-refused-parent = recusado: um caminho com ".."
proto-refused-missing = arquivo não encontrado
proto-refused-not-a-file = recusado: não é um arquivo comum
proto-refused-link-outside = recusado: um link que sai da pasta compartilhada
proto-refused-hidden = recusado: um nome oculto (uma parte que começa com "."), só servido se os arquivos ocultos forem compartilhados (--serve-hidden)
proto-refused-io = não foi possível lê-lo: { $reason }
