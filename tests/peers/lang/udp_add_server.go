// udp-add server (Go): go run udp_add_server.go PORT   -- "name,number" in, "name,number" out; 1..100 or it stops
package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: udp_add_server PORT")
		os.Exit(1)
	}
	serverName := "Server of Gopher Go"
	serverNumber := 64
	conn, err := net.ListenPacket("udp", ":"+os.Args[1])
	if err != nil {
		fmt.Println("cannot bind:", err)
		os.Exit(1)
	}
	defer conn.Close()
	fmt.Println("listening on", os.Args[1])

	buf := make([]byte, 1024)
	for {
		n, addr, err := conn.ReadFrom(buf)
		if err != nil {
			continue
		}
		request := strings.TrimSpace(string(buf[:n]))
		i := strings.LastIndex(request, ",")
		if i < 0 {
			fmt.Printf("bad request: %q\n", request)
			continue
		}
		clientName := request[:i]
		clientNumber, err := strconv.Atoi(strings.TrimSpace(request[i+1:]))
		if err != nil {
			fmt.Printf("bad request: %q\n", request)
			continue
		}
		if clientNumber < 1 || clientNumber > 100 {
			fmt.Println("number", clientNumber, "out of range: shutting down")
			return
		}
		fmt.Println("Client name:", clientName, "| Server name:", serverName)
		fmt.Println("Client number:", clientNumber, "| Server number:", serverNumber, "| Sum:", clientNumber+serverNumber)
		conn.WriteTo([]byte(serverName+","+strconv.Itoa(serverNumber)), addr)
	}
}
