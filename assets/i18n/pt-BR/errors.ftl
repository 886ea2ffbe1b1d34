# pt-BR: os erros do socklab (o que falhou, mostrado depois de "erro:" na linha de comando e
# na janela) e suas dicas (o que provavelmente deu errado e o que tentar), e os erros dos
# arquivos locais

## O que falhou

err-bind = não foi possível escutar em { $addr }: { $reason }
err-connect = não foi possível conectar a { $addr }: { $reason }
err-no-udp-server = nada está escutando em { $addr }: o sistema respondeu ao datagrama com "port unreachable" (porta inalcançável)
err-resolve = não foi possível encontrar o host { $host }: { $reason }
err-timeout = nenhuma resposta de { $peer } em { $time }
err-contradiction = as dicas do servidor se contradizem: não sobra nenhum número entre { $min } e { $max }
err-first-guess-unanswered = nenhuma resposta de { $peer } ao primeiro palpite em { $time }
err-closed-without-reply = o servidor { $peer } fechou a conexão sem responder
err-exists = { $path } já existe
err-panic = erro interno em uma thread de trabalho: { $message }

## Os motivos do sistema

err-os-addr-in-use = endereço já em uso
err-os-addr-not-available = o endereço solicitado não pode ser atribuído
err-os-connection-refused = conexão recusada
err-os-connection-reset = conexão redefinida pelo outro lado
err-os-connection-aborted = conexão interrompida
err-os-timed-out = a conexão expirou
err-os-host-unreachable = não há rota para o host
err-os-network-unreachable = a rede está inalcançável
err-os-not-found = arquivo ou diretório não encontrado
err-os-permission-denied = permissão negada
err-os-already-exists = o arquivo já existe
err-os-is-a-directory = é um diretório
err-os-not-a-directory = não é um diretório
err-os-storage-full = não há espaço livre no dispositivo
err-os-read-only = sistema de arquivos somente leitura
err-os-broken-pipe = pipe quebrado

## As dicas

err-hint-port-in-use = A porta { $port } já está em uso, talvez por outro servidor que você iniciou. Pare-o ou escolha outra porta.
err-hint-low-port = Portas abaixo de 1024 exigem direitos de administrador; os roteiros sugerem uma porta acima de 1024, por exemplo { $port }.
err-hint-not-this-computer = Esse endereço não pertence a este computador; escolha todas as interfaces ou o loopback.
err-hint-refused-elsewhere = { $addr } é outra máquina, e nada lá aceitou a conexão nessa porta. Se o servidor roda lá, ele pode estar escutando só em 127.0.0.1 (localhost), que só aquela máquina alcança: faça bind em '' ou 0.0.0.0 (todas as interfaces) lá. Confira também a porta, e se o servidor foi iniciado.
err-hint-refused = Nada está escutando em { $addr }. Inicie o servidor primeiro, e confira a porta e se servidor e cliente usam ambos IPv4 ou IPv6 ("localhost" pode ser ::1).
err-hint-connect-timeout = O servidor não respondeu à conexão: um firewall pode estar descartando pacotes, ou o endereço está errado.
err-hint-no-route = Não há rota para { $addr }: o endereço pode estar em outra sub-rede que não a deste computador, ou a outra máquina está desligada ou sem rede (confira o cabo ou o Wi-Fi).
err-hint-tcp-timeout = O servidor aceitou a conexão mas não respondeu a tempo: ele pode estar esperando mais (uma quebra de linha, ou uma segunda mensagem), ou esperar outro formato de mensagem. Veja a saída do próprio servidor.
err-hint-udp-timeout = Em UDP, nada informa se um servidor está rodando: confira o endereço e a porta, e se o servidor foi iniciado. Um firewall também pode descartar os datagramas.
err-hint-first-guess = Alguns servidores de adivinhação esperam uma primeira mensagem como `play` ou `start` antes de o jogo começar: envie-a primeiro (digite-a como palpite), ou veja a saída do servidor. Em UDP, confira também o endereço e a porta: nada informa se um servidor está rodando.
err-hint-closed-without-reply = Logo após o pedido, isso costuma significar que o servidor esperava outro formato de mensagem (não conseguiu ler o nosso, ou esperou uma quebra de linha): tente outro --format (line, json, split, pickle, …) e veja a saída do próprio servidor.
err-hint-no-udp-server-elsewhere = { $addr } é outra máquina, e ela respondeu que nada tem essa porta UDP aberta. Se o servidor roda lá, ele pode estar vinculado só a 127.0.0.1 (localhost), que só aquela máquina alcança: faça bind em '' ou 0.0.0.0 lá. Confira também a porta.
err-hint-no-udp-server = Inicie o servidor primeiro, e confira o endereço e a porta. Em UDP esta resposta é o único sinal de que nenhum servidor está rodando; muitas vezes não há resposta nenhuma, e o cliente só fica esperando.
err-hint-disk-full = O disco (ou sua cota) está cheio. Nada foi salvo com o nome do arquivo: libere espaço ou escolha uma pasta em outro disco.
err-hint-read-only = Essa pasta está em um disco somente leitura (um pendrive bloqueado, um CD, um compartilhamento somente leitura). Nada foi salvo: escolha uma pasta onde você possa gravar.
err-hint-permission = O sistema recusou o acesso (permissões). Para salvar um download, escolha uma pasta sua (Downloads ou Documentos); para compartilhar um arquivo, confira se você pode lê-lo.
err-hint-exists = Escolha outro nome, ou permita sobrescrever (--force na linha de comando).
err-hint-resolve = Confira a grafia do nome do host, ou use um endereço IP.

## Arquivos locais: downloads e comparações

err-not-a-file-name = { $path } não é um nome de arquivo
err-no-folder = a pasta { $path } não existe
err-is-a-folder = { $path } é uma pasta
err-cannot-create-in = não foi possível criar um arquivo em { $path }
err-cannot-save = não foi possível salvar { $path }
err-cannot-write-beside = não foi possível gravar ao lado de { $path }
err-cannot-start-writer = não foi possível iniciar a gravação do download
err-download-stopped = o download de { $path } parou
err-writer-gone = a gravação do download já terminou
err-writer-failed = a gravação do download falhou
err-cannot-open = não foi possível abrir { $path }
err-cannot-read = não foi possível ler { $path }
err-cannot-create-pipe = não foi possível criar um pipe
err-cannot-reopen = não foi possível abrir { $path } de novo
err-cannot-start-hasher = não foi possível iniciar o cálculo do SHA-256 do download
err-download-finished = o download já terminou
err-cannot-read-pipe = não foi possível ler o pipe
err-cannot-read-back = não foi possível reler { $path } para calcular o SHA-256
err-hasher-gone = a thread do SHA-256 já terminou
err-hasher-failed = a thread do SHA-256 falhou
err-file-shorter = o arquivo é menor do que o que foi gravado nele
err-end-of-file = fim do arquivo
err-identical = idênticos ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    })
err-different = diferentes: primeira diferença no byte { $offset } (linha { $line }): { $a } vs { $b }; tamanhos { $size_a } e { $size_b } bytes
