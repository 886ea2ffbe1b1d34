# A seed-003 style echo client: many messages on one connection, "stop" ends the session.
# usage: python3 echo_session_client.py tcp|udp PORT MESSAGE...
import socket
import sys

transport, port, messages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
if transport == "tcp":
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    for message in messages:
        s.send(message.encode())
        reply = s.recv(1024).decode()
        print("echo:", reply, flush=True)
        if message.strip().lower() in ("stop", "exit"):
            # The server closes the session after a stop word.
            print("after stop:", repr(s.recv(1024)), flush=True)
            break
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    for message in messages:
        s.sendto(message.encode(), ("127.0.0.1", port))
        reply, addr = s.recvfrom(65535)
        print("echo:", reply.decode(), flush=True)
s.close()
