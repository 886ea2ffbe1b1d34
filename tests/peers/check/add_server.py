# "Add two numbers" server as the handout asks, with a typical mistake when MISTAKE is given.
# usage: python3 add_server.py tcp|udp PORT [once|no-range|no-show]
#   once: exits after its first client; no-range: answers numbers outside 1..100;
#   no-show: prints nothing of the exchange.
import socket
import sys

transport, port = sys.argv[1], int(sys.argv[2])
mistake = sys.argv[3] if len(sys.argv) > 3 else ""
SERVER_NAME = "Server of Zoe"
SERVER_NUMBER = 81

kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
server = socket.socket(socket.AF_INET, kind)
server.bind(("127.0.0.1", port))
if transport == "tcp":
    server.listen(5)
print("Server listening on port", port, flush=True)
while True:
    if transport == "tcp":
        conn, addr = server.accept()
        data = conn.recv(1024)
        reply = conn.send
    else:
        data, addr = server.recvfrom(1024)
        conn = None
        reply = lambda b: server.sendto(b, addr)
    try:
        name, number = data.decode().strip().rsplit(",", 1)
        number = int(number)
    except ValueError:
        print("bad request", data, flush=True)
        if conn:
            conn.close()
        continue
    if not 1 <= number <= 100 and mistake != "no-range":
        print("number out of range: shutting down", flush=True)
        if conn:
            conn.close()
        break
    if mistake != "no-show":
        print("Client name:", name, "| Server name:", SERVER_NAME)
        print("Client number:", number, "| Server number:", SERVER_NUMBER,
              "| Sum:", number + SERVER_NUMBER, flush=True)
    reply(f"{SERVER_NAME},{SERVER_NUMBER}".encode())
    if conn:
        conn.close()
    if mistake == "once":
        break
server.close()
