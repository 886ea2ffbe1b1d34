# Guess the number (CMPU4021 T3), port given.
# usage: python3 guess.py server PORT [liar]  |  python3 guess.py client HOST PORT
#   liar: a server whose answers contradict themselves (it says HIGHER to every guess).
import random
import socket
import sys

role = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
if role == "server":
    s.bind(("127.0.0.1", int(sys.argv[2])))
    liar = len(sys.argv) > 3 and sys.argv[3] == "liar"
    secrets = {}
    print("guess server ready", flush=True)
    while True:
        data, addr = s.recvfrom(1024)
        try:
            guess = int(data.decode().strip())
        except ValueError:
            s.sendto(b"Please send a number", addr)
            continue
        secret = secrets.setdefault(addr, random.randint(1, 99))
        if liar:
            s.sendto(b"HIGHER", addr)
            continue
        if guess < secret:
            s.sendto(b"HIGHER", addr)
        elif guess > secret:
            s.sendto(b"LOWER", addr)
        else:
            s.sendto(b"CORRECT", addr)
            del secrets[addr]
else:
    host, port = sys.argv[2], int(sys.argv[3])
    s.settimeout(5)
    tries = 0
    while True:
        guess = input("Enter your guess (1-99): ")
        s.sendto(guess.encode(), (host, port))
        reply, _ = s.recvfrom(1024)
        tries += 1
        print("Server says:", reply.decode())
        if reply.decode() == "CORRECT":
            print("You got it in", tries, "tries")
            break
    s.close()
