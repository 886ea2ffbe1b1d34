# pt-PT: os erros do socklab (o que falhou, mostrado depois de "erro:" na linha de comandos e
# na janela) e as suas sugestões (o que provavelmente correu mal e o que experimentar), e os
# erros dos ficheiros locais

## O que falhou

err-bind = não é possível escutar em { $addr }: { $reason }
err-connect = não é possível ligar a { $addr }: { $reason }
err-no-udp-server = nada está à escuta em { $addr }: o sistema respondeu ao datagrama com "port unreachable" (porta inacessível)
err-resolve = não é possível encontrar o anfitrião { $host }: { $reason }
err-timeout = sem resposta de { $peer } em { $time }
err-contradiction = as indicações do servidor contradizem-se: não resta nenhum número entre { $min } e { $max }
err-first-guess-unanswered = sem resposta de { $peer } ao primeiro palpite em { $time }
err-closed-without-reply = o servidor { $peer } fechou a ligação sem responder
err-exists = { $path } já existe
err-panic = erro interno numa thread de trabalho: { $message }

## As razões do sistema

err-os-addr-in-use = endereço já em uso
err-os-addr-not-available = o endereço pedido não pode ser atribuído
err-os-connection-refused = ligação recusada
err-os-connection-reset = ligação reposta pelo outro lado
err-os-connection-aborted = ligação interrompida
err-os-timed-out = a ligação expirou
err-os-host-unreachable = não há rota para o anfitrião
err-os-network-unreachable = a rede está inacessível
err-os-not-found = ficheiro ou diretório inexistente
err-os-permission-denied = permissão negada
err-os-already-exists = o ficheiro já existe
err-os-is-a-directory = é um diretório
err-os-not-a-directory = não é um diretório
err-os-storage-full = não há espaço livre no dispositivo
err-os-read-only = sistema de ficheiros só de leitura
err-os-broken-pipe = pipe quebrado

## As sugestões

err-hint-port-in-use = A porta { $port } já está em uso, talvez por outro servidor que iniciou. Pare-o ou escolha outra porta.
err-hint-low-port = As portas abaixo de 1024 exigem direitos de administrador; os enunciados sugerem uma porta acima de 1024, por exemplo { $port }.
err-hint-not-this-computer = Esse endereço não pertence a este computador; escolha todas as interfaces ou o loopback.
err-hint-refused-elsewhere = { $addr } é outra máquina, e nada lá aceitou a ligação nessa porta. Se o servidor corre lá, pode estar à escuta apenas em 127.0.0.1 (localhost), que só essa máquina alcança: faça bind a '' ou 0.0.0.0 (todas as interfaces) lá. Verifique também a porta, e que o servidor está iniciado.
err-hint-refused = Nada está à escuta em { $addr }. Inicie primeiro o servidor, e verifique a porta e que servidor e cliente usam ambos IPv4 ou IPv6 ("localhost" pode ser ::1).
err-hint-connect-timeout = O servidor não respondeu à ligação: uma firewall pode estar a descartar pacotes, ou o endereço está errado.
err-hint-no-route = Não há rota para { $addr }: o endereço pode estar noutra sub-rede que não a deste computador, ou a outra máquina está desligada ou sem rede (verifique o cabo ou o Wi-Fi).
err-hint-tcp-timeout = O servidor aceitou a ligação mas não respondeu a tempo: pode estar à espera de mais (uma mudança de linha, ou uma segunda mensagem), ou esperar outro formato de mensagem. Veja a saída do próprio servidor.
err-hint-udp-timeout = Em UDP, nada lhe diz se um servidor está em execução: verifique o endereço e a porta, e que o servidor está iniciado. Uma firewall também pode descartar os datagramas.
err-hint-first-guess = Alguns servidores de adivinhar esperam uma primeira mensagem como `play` ou `start` antes de o jogo começar: envie-a primeiro (escreva-a como palpite), ou veja a saída do servidor. Em UDP, verifique também o endereço e a porta: nada diz se um servidor está em execução.
err-hint-closed-without-reply = Logo após o pedido, isto costuma querer dizer que o servidor esperava outro formato de mensagem (não conseguiu ler o nosso, ou esperou por uma mudança de linha): experimente outro --format (line, json, split, pickle, …) e veja a saída do próprio servidor.
err-hint-no-udp-server-elsewhere = { $addr } é outra máquina, e respondeu que nada tem essa porta UDP aberta. Se o servidor corre lá, pode estar ligado apenas a 127.0.0.1 (localhost), que só essa máquina alcança: faça bind a '' ou 0.0.0.0 lá. Verifique também a porta.
err-hint-no-udp-server = Inicie primeiro o servidor, e verifique o endereço e a porta. Em UDP esta resposta é o único sinal de que nenhum servidor corre; muitas vezes nem há resposta, e o cliente fica simplesmente à espera.
err-hint-disk-full = O disco (ou a sua quota) está cheio. Nada foi guardado com o nome do ficheiro: liberte espaço ou escolha uma pasta noutro disco.
err-hint-read-only = Essa pasta está num disco só de leitura (uma pen USB bloqueada, um CD, uma partilha só de leitura). Nada foi guardado: escolha uma pasta onde possa escrever.
err-hint-permission = O sistema recusou o acesso (permissões). Para guardar uma transferência, escolha uma pasta sua (Transferências ou Documentos); para partilhar um ficheiro, verifique que o pode ler.
err-hint-exists = Escolha outro nome, ou permita substituir (--force na linha de comandos).
err-hint-resolve = Verifique a ortografia do nome do anfitrião, ou use um endereço IP.

## Ficheiros locais: transferências e comparações

err-not-a-file-name = { $path } não é um nome de ficheiro
err-no-folder = a pasta { $path } não existe
err-is-a-folder = { $path } é uma pasta
err-cannot-create-in = não é possível criar um ficheiro em { $path }
err-cannot-save = não é possível guardar { $path }
err-cannot-write-beside = não é possível escrever junto de { $path }
err-cannot-start-writer = não é possível iniciar a escrita da transferência
err-download-stopped = a transferência de { $path } parou
err-writer-gone = a escrita da transferência já terminou
err-writer-failed = a escrita da transferência falhou
err-cannot-open = não é possível abrir { $path }
err-cannot-read = não é possível ler { $path }
err-cannot-create-pipe = não é possível criar um pipe
err-cannot-reopen = não é possível abrir { $path } de novo
err-cannot-start-hasher = não é possível iniciar o cálculo do SHA-256 da transferência
err-download-finished = a transferência já terminou
err-cannot-read-pipe = não é possível ler o pipe
err-cannot-read-back = não é possível reler { $path } para calcular o SHA-256
err-hasher-gone = a thread do SHA-256 já terminou
err-hasher-failed = a thread do SHA-256 falhou
err-file-shorter = o ficheiro é mais curto do que o que nele foi escrito
err-end-of-file = fim do ficheiro
err-identical = idênticos ({ $count ->
        [one] { $size } byte
       *[other] { $size } bytes
    })
err-different = diferentes: primeira diferença no byte { $offset } (linha { $line }): { $a } vs { $b }; tamanhos { $size_a } e { $size_b } bytes
