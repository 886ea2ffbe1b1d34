# Seed-004 T3 guess-the-number over UDP, as a student writes it.
# usage: python3 guess_pair.py client PORT        (binary search; prints each hint and the count)
#        python3 guess_pair.py server SECRET      (prints "PORT n"; serves until CORRECT)
import socket
import sys

role = sys.argv[1]
if role == "client":
    port = int(sys.argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    low, high, tries = 1, 99, 0
    while True:
        guess = (low + high) // 2
        tries += 1
        s.sendto(str(guess).encode(), ("127.0.0.1", port))
        reply, addr = s.recvfrom(1024)
        reply = reply.decode()
        print(guess, reply, flush=True)
        if reply == "CORRECT":
            break
        elif reply == "HIGHER":
            low = guess + 1
        elif reply == "LOWER":
            high = guess - 1
        else:
            print("unexpected reply", reply)
            sys.exit(1)
    print("tries:", tries)
else:
    secret = int(sys.argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(10)
    print("PORT", s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(1024)
        guess = int(data.decode())
        if guess < secret:
            s.sendto(b"HIGHER", addr)
        elif guess > secret:
            s.sendto(b"LOWER", addr)
        else:
            s.sendto(b"CORRECT", addr)
            break
    print("won", flush=True)
