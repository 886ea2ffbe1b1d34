# The textbook TCPClient/TCPServer and UDPClient/UDPServer (Kurose & Ross 2.7), as students run them.
# usage: python3 upper_pair.py client tcp|udp PORT SENTENCE     (prints the server's reply)
#        python3 upper_pair.py server tcp|udp                   (prints "PORT n"; serves one sentence)
import socket
import sys

role, transport = sys.argv[1], sys.argv[2]
if role == "client":
    serverPort, sentence = int(sys.argv[3]), sys.argv[4]
    if transport == "tcp":
        clientSocket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        clientSocket.settimeout(5)
        clientSocket.connect(("127.0.0.1", serverPort))
        clientSocket.send(sentence.encode())
        modifiedSentence = clientSocket.recv(1024)
    else:
        clientSocket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        clientSocket.settimeout(5)
        clientSocket.sendto(sentence.encode(), ("127.0.0.1", serverPort))
        modifiedSentence, serverAddress = clientSocket.recvfrom(2048)
    print("From Server:", modifiedSentence.decode())
    clientSocket.close()
else:
    if transport == "tcp":
        serverSocket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        serverSocket.bind(("127.0.0.1", 0))
        serverSocket.listen(1)
        serverSocket.settimeout(10)
        print("PORT", serverSocket.getsockname()[1], flush=True)
        connectionSocket, addr = serverSocket.accept()
        sentence = connectionSocket.recv(1024).decode()
        connectionSocket.send(sentence.upper().encode())
        connectionSocket.close()
    else:
        serverSocket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        serverSocket.bind(("127.0.0.1", 0))
        serverSocket.settimeout(10)
        print("PORT", serverSocket.getsockname()[1], flush=True)
        message, clientAddress = serverSocket.recvfrom(2048)
        serverSocket.sendto(message.decode().upper().encode(), clientAddress)
    print("served", flush=True)
