# The cookbook's TCP echo server (seed 004, T1): one message per connection, then close.
# usage: python3 echo_server_cookbook.py       (prints "PORT n" once it listens)
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("localhost", 0))
sock.listen(5)
sock.settimeout(10)
print("PORT", sock.getsockname()[1], flush=True)
served = 0
while served < 3:
    print("Waiting to receive message from client", flush=True)
    client, address = sock.accept()
    data = client.recv(2048)
    if data:
        print("Data: %s" % data.decode(), flush=True)
        client.send(data)
        print("sent %s bytes back to %s" % (len(data), address), flush=True)
    client.close()
    served += 1
