# As mensagens do socklab em português do Brasil (traduzidas de en-US).

## O painel lateral: a aparência da janela

theme = Tema
theme-system = Sistema
theme-light = Claro
theme-dark = Escuro
size = Tamanho
size-hint = Texto e controles maiores para um projetor
language = Idioma
language-default = Padrão ({ $language })
reset-ask = Restaurar todos os formulários, o tema e o tamanho para os valores padrão?
reset = Restaurar
cancel = Cancelar
reset-settings = Restaurar configurações…
reset-settings-hint = Formulários, tema e tamanho voltam ao padrão; os servidores em execução continuam
projector-mode = Modo projetor
projector-mode-hint = Oculta esta lista e dá à página toda a largura (F11 alterna)
shortcuts = F5 inicia ou para o servidor deste exercício; Enter envia; Ctrl+1 a porta do servidor, Ctrl+2 o cliente; Ctrl+Cima/Baixo outro exercício; F11 modo projetor; Ctrl+mais/menos o tamanho.


## A lista de exercícios

tagline = laboratórios de sockets, os dois papéis
exercises = Exercícios
exercises-show-hint = Mostrar de novo a lista de exercícios (F11)
exercise-running = { $exercise } (em execução)

## Os exercícios, pelos nomes da linha de comando

tcp-add-title = Somar dois números
tcp-add-summary = O cliente envia um nome e um número de 1 a 100; o servidor responde com seu próprio nome e número, e os dois mostram a soma. Um número fora do intervalo encerra o servidor.
udp-add-title = Somar dois números
udp-add-summary = A mesma troca em datagramas: uma requisição, uma resposta, sem conexão. Um número fora do intervalo encerra o servidor.
tcp-file-title = Transferência de arquivos
tcp-file-summary = O cliente envia o nome de um arquivo; o servidor envia o arquivo em blocos de 1024 bytes e fecha a conexão. Depois, compare os dois arquivos.
udp-file-title = Transferência de arquivos
udp-file-summary = O cliente envia o nome de um arquivo em um datagrama; o servidor responde com datagramas de 2048 bytes, e o primeiro mais curto encerra o arquivo.
tcp-echo-title = Eco
tcp-echo-summary = O servidor devolve na hora tudo o que recebe. Uma sessão leva muitas mensagens até o cliente enviar uma palavra de parada. O teste do cookbook lê o eco em recepções de 16 bytes: o TCP é um fluxo.
udp-echo-title = Eco
udp-echo-summary = Cada datagrama volta inalterado, de 0 a 65.507 bytes. Sem conexão: cada mensagem é independente.
tcp-upper-title = Maiúsculas
tcp-upper-summary = O exemplo do livro de onde partem os laboratórios: o cliente envia uma frase, o servidor responde com ela em maiúsculas.
udp-upper-title = Maiúsculas
udp-upper-summary = O exemplo do livro sobre UDP: um datagrama com uma frase, um datagrama de volta em maiúsculas.
udp-guess-title = Adivinhe o número
udp-guess-summary = O servidor guarda um segredo de 1 a 99 para cada cliente e responde a cada palpite com HIGHER, LOWER ou CORRECT. Dividir o intervalo ao meio sempre ganha em até 7 palpites.
tftp-title = Transferência confiável de arquivos
tftp-summary = A transferência UDP tornada confiável: cada bloco é numerado e confirmado, e um bloco perdido é reenviado. Teste-a nas mesmas condições de rede da transferência do laboratório.

## As abas Tráfego, Linha do tempo e Conexões

copy-csv = Copiar CSV
copy-text = Copiar texto
no-socket-calls = Ainda não há chamadas de socket.
no-connections = Ainda não há conexões.
close-connection-hint = Fechar esta conexão do lado do servidor
