// tcp-add client: g++ -Wall -o add_client add_client.cpp && ./add_client HOST PORT   (sends "name,number")
#include <iostream>
#include <string>
#include <cstring>
#include <cerrno>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::cout << "usage: " << argv[0] << " HOST PORT" << std::endl;
        return 1;
    }
    std::string name;
    int number;
    std::cout << "Name: ";
    std::getline(std::cin, name);
    std::cout << "Number: ";
    if (!(std::cin >> number)) {
        std::cout << "that is not a number" << std::endl;
        return 1;
    }
    if (number < 1 || number > 100)
        std::cout << "Number " << number << " is out of range: sending it, the server will shut down" << std::endl;

    addrinfo hints{}, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        std::cout << "unknown host " << argv[1] << std::endl;
        return 1;
    }
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(sock, res->ai_addr, res->ai_addrlen) < 0) {
        std::cout << "could not connect: " << std::strerror(errno) << std::endl;
        return 1;
    }
    freeaddrinfo(res);

    std::string request = name + "," + std::to_string(number);
    send(sock, request.c_str(), request.size(), 0);
    char buf[1024];
    int n = recv(sock, buf, sizeof(buf), 0);
    close(sock);
    if (n <= 0) {
        std::cout << "the server closed the connection without a reply" << std::endl;
        return 0;
    }
    std::string reply(buf, n);
    size_t comma = reply.rfind(',');
    std::string serverName = reply.substr(0, comma);
    int serverNumber = std::stoi(reply.substr(comma + 1));
    std::cout << "Client name: " << name << " | Server name: " << serverName << std::endl;
    std::cout << "Client number: " << number << " | Server number: " << serverNumber
              << " | Sum: " << number + serverNumber << std::endl;
    return 0;
}
