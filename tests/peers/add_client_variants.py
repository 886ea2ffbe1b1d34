# Student-style "add two numbers" clients that send in shapes real lab solutions use, and read
# the reply the way they sent (one send, one recv).
# usage: python3 add_client_variants.py tcp|udp HOST PORT MODE
# MODE: nosep (b"Zoe57" in one send), pickle (pickle.dumps(("Zoe", 57))), three (name and
#       number as two datagrams, then three recvfrom()s)
import pickle
import socket
import sys

transport, host, port, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.settimeout(5)
if transport == "tcp":
    s.connect((host, port))
    send, recv = s.send, lambda: s.recv(1024)
else:
    send = lambda b: s.sendto(b, (host, port))
    recv = lambda: s.recvfrom(1024)[0]

if mode == "nosep":
    send(b"Zoe57")
    reply = recv().decode()
    print("Reply:", reply)
elif mode == "pickle":
    send(pickle.dumps(("Zoe", 57)))
    name, number = pickle.loads(recv())
    print("Server name:", name)
    print("Server number:", number)
    print("Sum:", 57 + number)
elif mode == "three":
    send(b"Zoe")
    send(b"57")
    name = recv().decode()
    number = int(recv().decode())
    line = recv().decode()
    print("Server name:", name)
    print("Server number:", number)
    print("Line:", line)
else:
    sys.exit("unknown mode " + mode)
s.close()
