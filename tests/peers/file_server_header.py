# A student file server with a protocol of its own: before the data it sends a header, the
# file's size (UDP) or a "File found!" line (TCP), in a send of its own. Serves one request.
# usage: python3 file_server_header.py tcp|udp FILE     (prints "PORT n" once it listens)
import os
import socket
import sys
import time

transport, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if transport == "tcp":
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    s.settimeout(10)
    print("PORT", s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    conn.recv(1024)
    conn.send(b"File found!\n")
    time.sleep(0.1)
    conn.sendall(data)
    conn.close()
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(10)
    print("PORT", s.getsockname()[1], flush=True)
    name, addr = s.recvfrom(1024)
    s.sendto(str(os.path.getsize(path)).encode(), addr)
    time.sleep(0.05)
    for i in range(0, len(data), 1024):
        s.sendto(data[i:i + 1024], addr)
s.close()
