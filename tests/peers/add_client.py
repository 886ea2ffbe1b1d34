# A student-style "add two numbers" client: raw socket module, one recv(1024) per reply part.
# usage: python3 add_client.py tcp|udp HOST PORT FORMAT NAME NUMBER
# FORMAT: comma colon semicolon space colon-line json json-line-keys split c-struct length-prefixed
import json
import socket
import struct
import sys

transport, host, port, fmt, name, number = sys.argv[1:7]
port = int(port)
number = int(number)

if transport == "tcp":
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect((host, port))
    send = s.send
    recv = lambda: s.recv(1024)
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    send = lambda data: s.sendto(data, (host, port))
    recv = lambda: s.recvfrom(1024)[0]

if fmt in ("comma", "colon", "semicolon", "space"):
    sep = {"comma": ",", "colon": ":", "semicolon": ";", "space": " "}[fmt]
    send((name + sep + str(number)).encode())
    reply = recv().decode()
    server_name, server_number = reply.rsplit(sep, 1)
    server_number = int(server_number)
elif fmt == "colon-line":
    send(f"{name}: {number}\n".encode())
    reply = recv().decode()
    server_name, server_number = reply.strip().split(": ")
    server_number = int(server_number)
elif fmt == "json":
    send(json.dumps({"name": name, "number": number}).encode())
    data = json.loads(recv().decode())
    server_name, server_number = data["name"], data["number"]
elif fmt == "json-line-keys":
    send((json.dumps({"message": name, "integer": number}) + "\n").encode())
    reply = recv().decode()
    assert reply.endswith("\n"), "reply should end with a newline like the request"
    data = json.loads(reply)
    server_name, server_number = data["message"], data["integer"]
elif fmt == "split":
    # Two sends a moment apart: sent back to back, TCP may deliver them as one segment, which
    # no server can tell from a name and a number written together.
    import time
    send(name.encode())
    time.sleep(0.05)
    send(str(number).encode())
    server_name = recv().decode()
    server_number = int(recv().decode())
elif fmt == "c-struct":
    send(struct.pack("<50sxxi", name.encode(), number))
    data = recv()
    raw_name, server_number = struct.unpack("<50sxxi", data)
    server_name = raw_name.split(b"\0")[0].decode()
elif fmt == "length-prefixed":
    encoded = name.encode()
    send(struct.pack("!H", len(encoded)) + encoded + struct.pack("!i", number))
    data = recv()
    (n,) = struct.unpack("!H", data[:2])
    server_name = data[2:2 + n].decode()
    (server_number,) = struct.unpack("!i", data[2 + n:6 + n])
else:
    sys.exit("unknown format " + fmt)

print("Client name:", name)
print("Server name:", server_name)
print("Client number:", number)
print("Server number:", server_number)
print("Sum:", number + server_number)
s.close()
