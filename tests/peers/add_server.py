# A student-style "add two numbers" server: answers one request, then exits.
# usage: python3 add_server.py tcp|udp FORMAT      (prints "PORT n" once it is listening)
import json
import socket
import struct
import sys

transport, fmt = sys.argv[1:3]
SERVER_NAME = "Server of Py"
SERVER_NUMBER = 57

if transport == "tcp":
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(10)
else:
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("127.0.0.1", 0))
    server.settimeout(10)
print("PORT", server.getsockname()[1], flush=True)

if transport == "tcp":
    conn, addr = server.accept()
    conn.settimeout(5)
    recv = lambda: conn.recv(1024)
    send = conn.send
else:
    first, addr = server.recvfrom(1024)
    pending = [first]
    def recv():
        if pending:
            return pending.pop()
        return server.recvfrom(1024)[0]
    send = lambda data: server.sendto(data, addr)

if fmt in ("comma", "colon", "semicolon", "space"):
    sep = {"comma": ",", "colon": ":", "semicolon": ";", "space": " "}[fmt]
    client_name, client_number = recv().decode().rsplit(sep, 1)
    send((SERVER_NAME + sep + str(SERVER_NUMBER)).encode())
elif fmt == "colon-line":
    client_name, client_number = recv().decode().strip().split(": ")
    send(f"{SERVER_NAME}: {SERVER_NUMBER}\n".encode())
elif fmt == "json":
    data = json.loads(recv().decode())
    client_name, client_number = data["name"], data["number"]
    send(json.dumps({"name": SERVER_NAME, "number": SERVER_NUMBER}).encode())
elif fmt == "split":
    client_name = recv().decode()
    client_number = recv().decode()
    send(SERVER_NAME.encode())
    import time
    time.sleep(0.05)
    send(str(SERVER_NUMBER).encode())
elif fmt == "c-struct":
    raw_name, client_number = struct.unpack("<50sxxi", recv())
    client_name = raw_name.split(b"\0")[0].decode()
    send(struct.pack("<50sxxi", SERVER_NAME.encode(), SERVER_NUMBER))
elif fmt == "length-prefixed":
    data = recv()
    (n,) = struct.unpack("!H", data[:2])
    client_name = data[2:2 + n].decode()
    (client_number,) = struct.unpack("!i", data[2 + n:6 + n])
    send(struct.pack("!H", len(SERVER_NAME)) + SERVER_NAME.encode() + struct.pack("!i", SERVER_NUMBER))
else:
    sys.exit("unknown format " + fmt)

client_number = int(client_number)
print("Client name:", client_name)
print("Server name:", SERVER_NAME)
print("Client number:", client_number)
print("Server number:", SERVER_NUMBER)
print("Sum:", client_number + SERVER_NUMBER, flush=True)
server.close()
