# The cookbook's TCP echo client (seed 004, T1): sends one message, reads the echo in 16-byte pieces.
# usage: python3 echo_client_cookbook.py PORT
import socket
import sys

port = int(sys.argv[1])
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.settimeout(5)
print("Connecting to localhost port %s" % port)
sock.connect(("localhost", port))
try:
    message = "Test message. This will be echoed"
    print("Sending %s" % message)
    sock.sendall(message.encode("utf-8"))
    amount_received = 0
    amount_expected = len(message)
    while amount_received < amount_expected:
        data = sock.recv(16)
        amount_received += len(data)
        print("Received: %s" % data.decode())
finally:
    print("Closing connection to the server")
    sock.close()
