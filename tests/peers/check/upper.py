# The textbook TCPServer/TCPClient and UDPServer/UDPClient (Kurose & Ross 2.7), port given.
# usage: python3 upper.py server tcp|udp PORT  |  python3 upper.py client tcp|udp HOST PORT
import socket
import sys

role, transport = sys.argv[1], sys.argv[2]
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
if role == "server":
    serverSocket = socket.socket(socket.AF_INET, kind)
    serverSocket.bind(("127.0.0.1", int(sys.argv[3])))
    if transport == "tcp":
        serverSocket.listen(1)
    print("The server is ready to receive", flush=True)
    while True:
        if transport == "tcp":
            connectionSocket, addr = serverSocket.accept()
            sentence = connectionSocket.recv(1024).decode()
            connectionSocket.send(sentence.upper().encode())
            connectionSocket.close()
        else:
            message, clientAddress = serverSocket.recvfrom(2048)
            serverSocket.sendto(message.decode().upper().encode(), clientAddress)
else:
    host, port = sys.argv[3], int(sys.argv[4])
    clientSocket = socket.socket(socket.AF_INET, kind)
    sentence = input("Input lowercase sentence:")
    if transport == "tcp":
        clientSocket.connect((host, port))
        clientSocket.send(sentence.encode())
        modifiedSentence = clientSocket.recv(1024)
    else:
        clientSocket.sendto(sentence.encode(), (host, port))
        modifiedSentence, serverAddress = clientSocket.recvfrom(2048)
    print("From Server:", modifiedSentence.decode())
    clientSocket.close()
