# "Add two numbers" client as the handout asks, with a typical mistake when MISTAKE is given.
# usage: python3 add_client.py tcp|udp HOST PORT [wrong-sum|hang|fixed-name|silent-range]
#   wrong-sum: prints the sum off by one; hang: waits for more input after the reply;
#   fixed-name: its name is written in the code, only the number is asked (correct);
#   silent-range: a number outside 1..100 ends it at once, code 0, without a word.
import socket
import sys

transport, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
mistake = sys.argv[4] if len(sys.argv) > 4 else ""
if mistake == "fixed-name":
    name = "Client of R. Gnanesh"
else:
    name = input("Enter your name: ")
number = int(input("Enter an integer between 1 and 100: "))
if mistake == "silent-range" and not 1 <= number <= 100:
    sys.exit(0)
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.settimeout(5)
try:
    if transport == "tcp":
        s.connect((host, port))
        s.send(f"{name},{number}".encode())
        data = s.recv(1024)
    else:
        s.sendto(f"{name},{number}".encode(), (host, port))
        data, _ = s.recvfrom(1024)
except OSError as e:
    print("Could not reach the server:", e)
    sys.exit(1)
if not data:
    print("The server closed without replying")
    sys.exit(1)
server_name, server_number = data.decode().rsplit(",", 1)
server_number = int(server_number)
total = number + server_number + (1 if mistake == "wrong-sum" else 0)
print("Client name:", name, "| Server name:", server_name)
print("Client number:", number, "| Server number:", server_number, "| Sum:", total)
s.close()
if mistake == "hang":
    input()
