# A student-style file-transfer server: serves one request, then exits.
# usage: python3 file_server.py tcp|udp [PORT]      (prints "PORT n" once it listens)
import socket
import sys

transport = sys.argv[1]
port = int(sys.argv[2]) if len(sys.argv) > 2 else 0

if transport == "tcp":
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", port))
    s.listen(1)
    s.settimeout(10)
    print("PORT", s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    name = conn.recv(1024).decode()
    try:
        with open(name, "rb") as f:
            while True:
                block = f.read(1024)
                if not block:
                    break
                conn.send(block)
    except OSError as e:
        print("cannot open", name, e, flush=True)
    conn.close()
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    s.settimeout(10)
    print("PORT", s.getsockname()[1], flush=True)
    name, addr = s.recvfrom(1024)
    with open(name.decode(), "rb") as f:
        while True:
            chunk = f.read(2048)
            s.sendto(chunk, addr)
            if len(chunk) < 2048:
                break
s.close()
print("done", flush=True)
