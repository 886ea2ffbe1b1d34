# File server as the handout asks (it serves files from its own folder), with a variant when
# one is given.  usage: python3 file_server.py tcp|udp PORT [once|no-empty|careful]
#   once: exits after its first transfer; no-empty (UDP): never sends the empty datagram
#   that ends a file whose size is a multiple of 2048; careful: refuses names that leave its
#   folder, and serves each TCP client on a thread of its own; crash-missing: a missing name
#   ends it with a traceback (open() without a try), as many students' servers do.
import os
import socket
import sys
import threading

transport, port = sys.argv[1], int(sys.argv[2])
variant = sys.argv[3] if len(sys.argv) > 3 else ""
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.bind(("127.0.0.1", port))
if transport == "tcp":
    s.listen(5)
print("file server on port", port, flush=True)


def refused(name):
    return variant == "careful" and (
        os.path.isabs(name) or ".." in name or "/" in name or "\\" in name
    )


def serve_tcp(conn):
    name = conn.recv(1024).decode().strip()
    if variant == "crash-missing":
        open(name, "rb").close()
    try:
        if refused(name):
            raise OSError("refused")
        f = open(name, "rb")
    except OSError:
        print("no such file:", name, flush=True)
        conn.close()
        return
    with f:
        while True:
            block = f.read(1024)
            if not block:
                break
            conn.send(block)
    conn.close()
    print("sent", name, flush=True)


while True:
    if transport == "tcp":
        conn, addr = s.accept()
        if variant == "careful":
            threading.Thread(target=serve_tcp, args=(conn,), daemon=True).start()
        else:
            serve_tcp(conn)
        if variant == "once":
            break
        continue
    data, addr = s.recvfrom(1024)
    name = data.decode().strip()
    try:
        if refused(name):
            raise OSError("refused")
        f = open(name, "rb")
    except OSError:
        print("no such file:", name, flush=True)
        continue
    with f:
        while True:
            chunk = f.read(2048)
            if chunk or variant != "no-empty":
                s.sendto(chunk, addr)
            if len(chunk) < 2048:
                break
    print("sent", name, flush=True)
    if variant == "once":
        break
s.close()
