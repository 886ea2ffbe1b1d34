# A student-style file-transfer client (seeds Lab-01 §4 and Lab-02 §3).
# usage: python3 file_client.py tcp|udp SERVER:PORT:REMOTE_NAME LOCAL_NAME
import socket
import sys

transport, target, local_name = sys.argv[1:4]
host, port, remote_name = target.split(":", 2)
port = int(port)

if transport == "tcp":
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect((host, port))
    s.send(remote_name.encode())
    with open(local_name, "wb") as f:
        while True:
            block = s.recv(1024)
            if not block:
                break
            f.write(block)
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    s.sendto(remote_name.encode(), (host, port))
    with open(local_name, "wb") as f:
        while True:
            chunk, addr = s.recvfrom(2048)
            f.write(chunk)
            if len(chunk) < 2048:
                break
s.close()
print("done", flush=True)
