# A TCP echo server that misbehaves once, when it starts, then serves as the handout asks, so
# that the check goes on and its report shows what the misbehaviour got.
# usage: python3 hostile_server.py PORT MODE [ARG]
#   write PATH: writes a file there;  delete PATH: deletes that file;  read PATH: reads it and
#   sends its content back with every echo;  connect PORT: connects to another TCP port;
#   children N: starts N child processes;  daemon: leaves a daemon (double fork, setsid);
#   memory MIB: allocates that much;  spin: spins for ever before it serves;
#   bigfile MIB: writes a file that large;  kill-parent: sends SIGKILL to its parent (socklab)
import os
import signal
import socket
import sys
import time

port, mode = int(sys.argv[1]), sys.argv[2]
arg = sys.argv[3] if len(sys.argv) > 3 else ""
secret = b""


def say(*words):
    print("hostile:", *words, flush=True)


try:
    if mode == "write":
        with open(arg, "w") as f:
            f.write("written by a student's program\n")
        say("wrote", arg)
    elif mode == "delete":
        os.remove(arg)
        say("deleted", arg)
    elif mode == "read":
        with open(arg, "rb") as f:
            secret = f.read()
        say("read", len(secret), "bytes of", arg)
    elif mode == "connect":
        c = socket.create_connection(("127.0.0.1", int(arg)), timeout=2)
        c.sendall(b"hello from the program under test\n")
        say("connected to port", arg)
    elif mode == "children":
        started = 0
        for _ in range(int(arg)):
            if os.fork() == 0:
                time.sleep(60)
                os._exit(0)
            started += 1
        say("started", started, "children")
    elif mode == "daemon":
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                say("daemon pid", os.getpid())
                time.sleep(120)
                os._exit(0)
            os._exit(0)
        time.sleep(0.3)
    elif mode == "memory":
        hoard = bytearray(int(arg) * 1024 * 1024)
        say("holds", len(hoard) // (1024 * 1024), "MiB")
    elif mode == "spin":
        say("spinning")
        while True:
            pass
    elif mode == "bigfile":
        block = b"x" * (1024 * 1024)
        with open("big.bin", "wb") as f:
            for i in range(int(arg)):
                f.write(block)
        say("wrote", arg, "MiB")
    elif mode == "kill-parent":
        os.kill(os.getppid(), signal.SIGKILL)
        say("killed its parent", os.getppid())
except Exception as e:  # what the machine refused
    say("refused:", mode, type(e).__name__, e)

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", port))
s.listen(5)
say("echo server on port", port)
import threading


def session(conn):
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data + secret)
        if data.strip().lower() in (b"stop", b"exit"):
            break
    conn.close()


while True:
    conn, addr = s.accept()
    threading.Thread(target=session, args=(conn,), daemon=True).start()
