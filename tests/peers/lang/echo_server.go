// tcp-echo server (Go): go run echo_server.go PORT   -- one client at a time; "stop" or "exit" ends a session
package main

import (
	"fmt"
	"net"
	"os"
	"strings"
)

func handle(conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n])
		msg := strings.ToLower(strings.TrimSpace(string(buf[:n])))
		fmt.Printf("echoed %q\n", string(buf[:n]))
		if msg == "stop" || msg == "exit" {
			return
		}
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: echo_server PORT")
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", ":"+os.Args[1])
	if err != nil {
		fmt.Println("cannot listen:", err)
		os.Exit(1)
	}
	fmt.Println("listening on", os.Args[1])
	for {
		conn, err := ln.Accept()
		if err != nil {
			continue
		}
		fmt.Println("client connected:", conn.RemoteAddr())
		handle(conn)
	}
}
