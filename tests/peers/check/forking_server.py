# A server that starts a helper process and writes its pid to PIDFILE, then serves echo: the
# grader must leave neither behind.  usage: python3 forking_server.py PORT PIDFILE
import socket
import subprocess
import sys

port, pidfile = int(sys.argv[1]), sys.argv[2]
helper = subprocess.Popen(["sleep", "300"])
open(pidfile, "w").write(str(helper.pid))
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    conn, addr = s.accept()
    data = conn.recv(1024)
    conn.sendall(data)
    conn.close()
