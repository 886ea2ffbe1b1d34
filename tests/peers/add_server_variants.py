# Student-style "add two numbers" servers that answer in the shapes real lab solutions use.
# usage: python3 add_server_variants.py tcp|udp MODE     (prints "PORT n" once it is listening)
# MODE: labelled, sentence, pieces, wrong-sum, ambiguous, pickle, pickle-sum, close,
#       digits-name ("T470 SERVER:81"), long-labels ("Server name: Server of Ana Lima,
#       Random value: 81, Sum: …"), portuguese ("Nome do servidor: …; Número aleatório: …")
import pickle
import socket
import sys
import time

transport, mode = sys.argv[1:3]
SERVER_NAME = "Server of Zoe"
SERVER_NUMBER = 81

kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
server = socket.socket(socket.AF_INET, kind)
server.bind(("127.0.0.1", 0))
if transport == "tcp":
    server.listen(1)
server.settimeout(10)
print("PORT", server.getsockname()[1], flush=True)

if transport == "tcp":
    conn, addr = server.accept()
    conn.settimeout(5)
    data = conn.recv(1024)
    send = conn.send
else:
    data, addr = server.recvfrom(1024)
    send = lambda b: server.sendto(b, addr)

if mode == "close":
    # Expects a format it did not get: reads, understands nothing, closes.
    print("bad request:", data, flush=True)
    conn.close()
    sys.exit(0)

if mode.startswith("pickle"):
    client_name, client_number = pickle.loads(data)
else:
    client_name, client_number = data.decode().strip().rsplit(",", 1)
client_number = int(client_number)
total = client_number + SERVER_NUMBER

if mode == "labelled":
    send(f"Server name: {SERVER_NAME}, Number: {SERVER_NUMBER}, Sum: {total}".encode())
elif mode == "sentence":
    send(f"{SERVER_NAME} sent {SERVER_NUMBER}".encode())
elif mode == "pieces":
    send((SERVER_NAME + "\n").encode())
    time.sleep(0.05)
    send((str(SERVER_NUMBER) + "\n").encode())
elif mode == "digits-name":
    send(f"T470 SERVER:{SERVER_NUMBER}".encode())
elif mode == "long-labels":
    send(f"Server name: Server of Ana Lima, Random value: {SERVER_NUMBER}, Sum: {total}".encode())
elif mode == "portuguese":
    send(f"Nome do servidor: Servidor da Ana; Número aleatório: {SERVER_NUMBER}; Soma: {total}\n".encode())
elif mode == "wrong-sum":
    send(f"Name: {SERVER_NAME}; Number: {SERVER_NUMBER}; Sum: {total + 1}".encode())
elif mode == "ambiguous":
    send(f"Zoe {SERVER_NUMBER} {total}".encode())
elif mode == "pickle":
    send(pickle.dumps((SERVER_NAME, SERVER_NUMBER)))
elif mode == "pickle-sum":
    send(pickle.dumps((SERVER_NAME, total)))
else:
    sys.exit("unknown mode " + mode)

print("Client name:", client_name)
print("Client number:", client_number)
print("Sum:", total, flush=True)
time.sleep(0.2)
server.close()
