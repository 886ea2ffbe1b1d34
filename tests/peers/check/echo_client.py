# Echo client: sends each typed line, prints the echo, ends on "stop".
# usage: python3 echo_client.py tcp|udp HOST PORT [newline]
#   newline (TCP): reads the echo up to a newline, which never comes (it sends none).
import socket
import sys

transport, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
mistake = sys.argv[4] if len(sys.argv) > 4 else ""
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.settimeout(30 if mistake else 5)
if transport == "tcp":
    s.connect((host, port))
while True:
    message = input("Enter message: ")
    if transport == "tcp":
        s.send(message.encode())
        data = s.recv(1024)
        while mistake == "newline" and not data.endswith(b"\n"):
            data += s.recv(1024)
    else:
        s.sendto(message.encode(), (host, port))
        data, _ = s.recvfrom(65536)
    print("Received:", data.decode())
    if message.strip().lower() in ("stop", "exit"):
        break
s.close()
