# "Add two numbers" server with a binary protocol, reading field by field as students write it:
# a 2-byte length, the name, a 4-byte number (all big-endian); it answers in the same layout.
# Each client is served on a thread of its own.  usage: python3 add_server_binary.py PORT
import socket
import struct
import sys
import threading

port = int(sys.argv[1])
SERVER_NAME = "Server of Zoe"
SERVER_NUMBER = 81
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", port))
s.listen(5)
print("binary add server on port", port, flush=True)
stop = threading.Event()


def serve(conn):
    with conn:
        (length,) = struct.unpack("!H", conn.recv(2))
        name = conn.recv(length).decode()
        (number,) = struct.unpack("!i", conn.recv(4))
        if not 1 <= number <= 100:
            print("number out of range: shutting down", flush=True)
            stop.set()
            return
        print("Client name:", name, "| Server name:", SERVER_NAME)
        print("Client number:", number, "| Server number:", SERVER_NUMBER,
              "| Sum:", number + SERVER_NUMBER, flush=True)
        reply = SERVER_NAME.encode()
        conn.sendall(struct.pack("!H", len(reply)) + reply + struct.pack("!i", SERVER_NUMBER))


s.settimeout(0.2)
while not stop.is_set():
    try:
        conn, addr = s.accept()
    except socket.timeout:
        continue
    conn.settimeout(None)
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
s.close()
