// tcp-add server: g++ -Wall -o add_server add_server.cpp && ./add_server PORT   ("name,number" in, "name,number" out)
#include <iostream>
#include <string>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <stdexcept>
#include <csignal>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::cout << "usage: " << argv[0] << " PORT" << std::endl;
        return 1;
    }
    std::srand(std::time(nullptr));
    std::string serverName = "Server of Chen Cpp";
    int serverNumber = std::rand() % 100 + 1;

    signal(SIGPIPE, SIG_IGN); /* a client that left must not kill the server */
    int server = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = INADDR_ANY;
    addr.sin_port = htons(std::atoi(argv[1]));
    if (bind(server, (sockaddr *)&addr, sizeof(addr)) < 0) {
        std::perror("bind");
        return 1;
    }
    listen(server, 5);
    std::cout << "listening on " << argv[1] << std::endl;

    while (true) {
        int client = accept(server, nullptr, nullptr);
        char buf[1024];
        int n = recv(client, buf, sizeof(buf), 0);
        std::string request(buf, n > 0 ? n : 0);
        size_t comma = request.rfind(',');
        std::string clientName;
        int clientNumber;
        try {
            if (comma == std::string::npos)
                throw std::invalid_argument("no comma");
            clientName = request.substr(0, comma);
            clientNumber = std::stoi(request.substr(comma + 1));
        } catch (std::exception &e) {
            std::cout << "bad request: " << request << std::endl;
            close(client);
            continue;
        }
        if (clientNumber < 1 || clientNumber > 100) {
            std::cout << "number " << clientNumber << " out of range: shutting down" << std::endl;
            close(client);
            break;
        }
        std::cout << "Client name: " << clientName << " | Server name: " << serverName << std::endl;
        std::cout << "Client number: " << clientNumber << " | Server number: " << serverNumber
                  << " | Sum: " << clientNumber + serverNumber << std::endl;
        std::string reply = serverName + "," + std::to_string(serverNumber);
        send(client, reply.c_str(), reply.size(), 0);
        close(client);
    }
    close(server);
    return 0;
}
