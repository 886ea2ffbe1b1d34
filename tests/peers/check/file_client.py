# File client with the handout's syntax:
#   python3 file_client.py tcp|udp SERVER:PORT:REMOTE LOCAL [short-read|no-empty-end]
#   short-read (TCP): takes a receive shorter than 1024 bytes for the end of the file;
#   no-empty-end (UDP): ends only at a short datagram with data in it, so an empty one (the end
#   of a file whose size is a multiple of 2048) is not taken for the end.
import socket
import sys

transport, target, local = sys.argv[1], sys.argv[2], sys.argv[3]
mistake = sys.argv[4] if len(sys.argv) > 4 else ""
host, port, remote = target.split(":", 2)
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.settimeout(3)
try:
    if transport == "tcp":
        s.connect((host, int(port)))
        s.send(remote.encode())
    else:
        s.sendto(remote.encode(), (host, int(port)))
    received = 0
    with open(local, "wb") as f:
        while True:
            if transport == "tcp":
                data = s.recv(1024)
                if not data:
                    break
            else:
                data, _ = s.recvfrom(2048)
            f.write(data)
            received += len(data)
            if transport == "udp" and len(data) < 2048:
                if mistake != "no-empty-end" or data:
                    break
            if mistake == "short-read" and len(data) < 1024:
                break
except OSError as e:
    print("transfer failed:", e)
    sys.exit(1)
print("received", received, "bytes into", local)
s.close()
