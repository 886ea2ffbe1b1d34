# File server as the handout asks (it serves files from its own folder), with a typical
# mistake when MISTAKE is given.  usage: python3 file_server.py tcp|udp PORT [once|no-empty]
#   once: exits after its first transfer; no-empty (UDP): never sends the empty datagram
#   that ends a file whose size is a multiple of 2048.
import socket
import sys

transport, port = sys.argv[1], int(sys.argv[2])
mistake = sys.argv[3] if len(sys.argv) > 3 else ""
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.bind(("127.0.0.1", port))
if transport == "tcp":
    s.listen(5)
print("file server on port", port, flush=True)
while True:
    if transport == "tcp":
        conn, addr = s.accept()
        name = conn.recv(1024).decode().strip()
    else:
        data, addr = s.recvfrom(1024)
        name = data.decode().strip()
    try:
        f = open(name, "rb")
    except OSError:
        print("no such file:", name, flush=True)
        if transport == "tcp":
            conn.close()
        continue
    with f:
        if transport == "tcp":
            while True:
                block = f.read(1024)
                if not block:
                    break
                conn.send(block)
            conn.close()
        else:
            while True:
                chunk = f.read(2048)
                if chunk or mistake != "no-empty":
                    s.sendto(chunk, addr)
                if len(chunk) < 2048:
                    break
    print("sent", name, flush=True)
    if mistake == "once":
        break
s.close()
