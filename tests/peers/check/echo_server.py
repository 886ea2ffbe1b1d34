# Echo server (ELEN4017 Lab 2) with a typical mistake when MISTAKE is given.
# usage: python3 echo_server.py tcp|udp PORT [newline|eof|single|pieces]
#   newline: waits for a whole line before echoing (readline), as many students' servers do
#     (right for a client that sends lines);
#   eof (TCP): echoes only once the client has closed its side: no client ever sees it;
#   single (TCP): serves one client at a time, as the handout's server does (correct);
#   pieces (UDP): echoes a message in datagrams of at most 16 bytes.
import socket
import sys

transport, port = sys.argv[1], int(sys.argv[2])
mistake = sys.argv[3] if len(sys.argv) > 3 else ""
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.bind(("127.0.0.1", port))
print("starting up echo server on port", port, flush=True)
if transport == "udp":
    while True:
        data, addr = s.recvfrom(65536)
        if mistake == "pieces":
            for i in range(0, max(len(data), 1), 16):
                s.sendto(data[i:i + 16], addr)
        else:
            s.sendto(data, addr)
s.listen(5)
import threading

def session(conn):
    if mistake == "eof":
        data = b""
        while True:
            more = conn.recv(1024)
            if not more:
                break
            data += more
        try:
            conn.sendall(data)
        except OSError:
            pass
        conn.close()
        return
    f = conn.makefile("rb")
    while True:
        data = f.readline() if mistake == "newline" else conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
        if data.strip().lower() in (b"stop", b"exit"):
            break
    conn.close()

while True:
    conn, addr = s.accept()
    if mistake == "single":
        session(conn)
    else:
        threading.Thread(target=session, args=(conn,), daemon=True).start()
