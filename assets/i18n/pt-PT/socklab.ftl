# As mensagens do socklab em português de Portugal (traduzidas de en-US).

## O painel lateral: o aspeto da janela

theme = Tema
theme-system = Sistema
theme-light = Claro
theme-dark = Escuro
size = Tamanho
size-hint = Texto e controlos maiores para um projetor
language = Idioma
language-default = Predefinido ({ $language })
reset-ask = Repor todos os formulários, o tema e o tamanho nos valores predefinidos?
reset = Repor
cancel = Cancelar
reset-settings = Repor definições…
reset-settings-hint = Formulários, tema e tamanho nos valores predefinidos; os servidores em execução continuam
projector-mode = Modo projetor
projector-mode-hint = Esconde esta lista e dá à página toda a largura (F11 alterna)
shortcuts = F5 inicia ou para o servidor deste exercício; Enter envia; Ctrl+1 a porta do servidor, Ctrl+2 o cliente; Ctrl+Cima/Baixo outro exercício; F11 modo projetor; Ctrl+mais/menos o tamanho.


## A lista de exercícios

tagline = laboratórios de sockets, os dois papéis
exercises = Exercícios
exercises-show-hint = Mostrar de novo a lista de exercícios (F11)
exercise-running = { $exercise } (em execução)

## Os exercícios, pelos nomes da linha de comandos

tcp-add-title = Somar dois números
tcp-add-summary = O cliente envia um nome e um número de 1 a 100; o servidor responde com o seu próprio nome e número, e ambos mostram a soma. Um número fora do intervalo termina o servidor.
udp-add-title = Somar dois números
udp-add-summary = A mesma troca em datagramas: um pedido, uma resposta, sem ligação. Um número fora do intervalo termina o servidor.
tcp-file-title = Transferência de ficheiros
tcp-file-summary = O cliente envia o nome de um ficheiro; o servidor envia o ficheiro em blocos de 1024 bytes e fecha a ligação. No fim, compare os dois ficheiros.
udp-file-title = Transferência de ficheiros
udp-file-summary = O cliente envia o nome de um ficheiro num datagrama; o servidor responde com datagramas de 2048 bytes, e o primeiro mais curto termina o ficheiro.
tcp-echo-title = Eco
tcp-echo-summary = O servidor devolve de imediato tudo o que recebe. Uma sessão leva muitas mensagens até o cliente enviar uma palavra de paragem. O teste do cookbook lê o eco em receções de 16 bytes: o TCP é um fluxo.
udp-echo-title = Eco
udp-echo-summary = Cada datagrama volta inalterado, de 0 a 65 507 bytes. Sem ligação: cada mensagem vale por si.
tcp-upper-title = Maiúsculas
tcp-upper-summary = O exemplo do livro de onde partem as aulas: o cliente envia uma frase, o servidor responde com ela em maiúsculas.
udp-upper-title = Maiúsculas
udp-upper-summary = O exemplo do livro sobre UDP: um datagrama com uma frase, um datagrama de volta em maiúsculas.
udp-guess-title = Adivinhar o número
udp-guess-summary = O servidor guarda um segredo de 1 a 99 para cada cliente e responde a cada palpite com HIGHER, LOWER ou CORRECT. Dividir o intervalo ao meio ganha sempre em 7 palpites.
tftp-title = Transferência fiável de ficheiros
tftp-summary = A transferência UDP tornada fiável: cada bloco é numerado e confirmado, e um bloco perdido é enviado de novo. Experimente-a nas mesmas condições de rede da transferência da aula.

## Os separadores Tráfego, Cronologia e Ligações

copy-csv = Copiar CSV
copy-text = Copiar texto
no-socket-calls = Ainda não há chamadas de socket.
no-connections = Ainda não há ligações.
close-connection-hint = Fechar esta ligação do lado do servidor
