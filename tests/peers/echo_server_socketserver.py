# Echo servers as a Python course writes them with socketserver: threading TCP, plain UDP.
# usage: python3 echo_server_socketserver.py tcp|udp PORT      (prints "PORT n" once it listens)
import socketserver
import sys


class TCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            self.request.sendall(data)


class UDPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data, self.client_address)


class TCPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 1024


transport, port = sys.argv[1], int(sys.argv[2])
if transport == "tcp":
    server = TCPServer(("127.0.0.1", port), TCPHandler)
else:
    server = socketserver.UDPServer(("127.0.0.1", port), UDPHandler)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
