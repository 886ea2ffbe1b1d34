// tcp-add client (Go): go run add_client.go HOST PORT   -- asks a name and a number, sends "name,number"
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Println("usage: add_client HOST PORT")
		os.Exit(1)
	}
	scanner := bufio.NewScanner(os.Stdin)
	fmt.Print("Name: ")
	scanner.Scan()
	name := strings.TrimSpace(scanner.Text())
	fmt.Print("Number: ")
	scanner.Scan()
	number, err := strconv.Atoi(strings.TrimSpace(scanner.Text()))
	if err != nil {
		fmt.Println("that is not a number")
		os.Exit(1)
	}
	if number < 1 || number > 100 {
		fmt.Println("Number", number, "is out of range: sending it, the server will shut down")
	}

	conn, err := net.Dial("tcp", net.JoinHostPort(os.Args[1], os.Args[2]))
	if err != nil {
		fmt.Println("could not connect:", err)
		os.Exit(1)
	}
	defer conn.Close()
	conn.Write([]byte(name + "," + strconv.Itoa(number)))
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil || n == 0 {
		fmt.Println("the server closed the connection without a reply")
		return
	}
	reply := string(buf[:n])
	i := strings.LastIndex(reply, ",")
	if i < 0 {
		fmt.Println("cannot read the reply:", reply)
		os.Exit(1)
	}
	serverName := reply[:i]
	serverNumber, _ := strconv.Atoi(strings.TrimSpace(reply[i+1:]))
	fmt.Println("Client name:", name, "| Server name:", serverName)
	fmt.Println("Client number:", number, "| Server number:", serverNumber, "| Sum:", number+serverNumber)
}
