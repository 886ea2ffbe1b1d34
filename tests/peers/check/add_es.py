# "Sumar dos números" as a Spanish-speaking course writes it: prompts, labels and replies in
# Spanish. usage: python3 add_es.py server tcp|udp PORT | client tcp|udp HOST PORT
import random
import socket
import sys

role, transport = sys.argv[1], sys.argv[2]
kind = socket.SOCK_STREAM if transport == "tcp" else socket.SOCK_DGRAM

if role == "client":
    host, port = sys.argv[3], int(sys.argv[4])
    nombre = input("Ingrese su nombre: ")
    numero = int(input("Ingrese un número entre 1 y 100: "))
    s = socket.socket(socket.AF_INET, kind)
    s.settimeout(5)
    try:
        if transport == "tcp":
            s.connect((host, port))
            s.send(f"{nombre},{numero}".encode())
            datos = s.recv(1024)
        else:
            s.sendto(f"{nombre},{numero}".encode(), (host, port))
            datos, _ = s.recvfrom(1024)
    except OSError as e:
        print("No se pudo contactar al servidor:", e)
        sys.exit(1)
    nombre_servidor, numero_servidor = datos.decode().rsplit(",", 1)
    numero_servidor = int(numero_servidor)
    print("Nombre del cliente:", nombre, "| Nombre del servidor:", nombre_servidor)
    print("Número del cliente:", numero, "| Número del servidor:", numero_servidor,
          "| Suma:", numero + numero_servidor)
    s.close()
    sys.exit(0)

port = int(sys.argv[3])
s = socket.socket(socket.AF_INET, kind)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", port))
if transport == "tcp":
    s.listen(5)
print("Servidor escuchando en el puerto", port, flush=True)
while True:
    if transport == "tcp":
        conn, _ = s.accept()
        datos = conn.recv(1024)
    else:
        datos, addr = s.recvfrom(1024)
    try:
        nombre, numero = datos.decode().rsplit(",", 1)
        numero = int(numero)
    except ValueError:
        if transport == "tcp":
            conn.close()
        continue
    if not 1 <= numero <= 100:
        print("Número fuera de rango:", numero, "- el servidor termina")
        break
    propio = random.randint(1, 100)
    respuesta = f"Nombre del servidor: Servidor de Ana; Número: {propio}; Suma: {numero + propio}"
    print("Nombre del cliente:", nombre, "| Número del cliente:", numero,
          "| Número del servidor:", propio, "| Suma:", numero + propio, flush=True)
    if transport == "tcp":
        conn.send(respuesta.encode())
        conn.close()
    else:
        s.sendto(respuesta.encode(), addr)
s.close()
