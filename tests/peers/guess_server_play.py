# A student guess server that starts a game only when a client sends "play"; until then it
# answers nothing.  usage: python3 guess_server_play.py   (prints "PORT n" once it listens)
import random
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.settimeout(10)
print("PORT", s.getsockname()[1], flush=True)
games = {}
try:
    while True:
        data, addr = s.recvfrom(1024)
        text = data.decode().strip().lower()
        if text == "play":
            games[addr] = random.randrange(1, 100)
            s.sendto(b"Guess a number from 1 to 99", addr)
        elif addr in games:
            guess = int(text)
            secret = games[addr]
            reply = "CORRECT" if guess == secret else ("HIGHER" if guess < secret else "LOWER")
            s.sendto(reply.encode(), addr)
except socket.timeout:
    pass
