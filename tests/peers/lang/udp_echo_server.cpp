// udp-echo server: g++ -Wall -o udp_echo_server udp_echo_server.cpp && ./udp_echo_server PORT
#include <iostream>
#include <cstdlib>
#include <arpa/inet.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::cout << "usage: " << argv[0] << " PORT" << std::endl;
        return 1;
    }
    int sock = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = INADDR_ANY;
    addr.sin_port = htons(std::atoi(argv[1]));
    if (bind(sock, (sockaddr *)&addr, sizeof(addr)) < 0) {
        std::perror("bind");
        return 1;
    }
    std::cout << "listening on " << argv[1] << std::endl;

    char buf[2048];
    while (true) {
        sockaddr_in client{};
        socklen_t len = sizeof(client);
        int n = recvfrom(sock, buf, sizeof(buf), 0, (sockaddr *)&client, &len);
        if (n < 0)
            continue;
        sendto(sock, buf, n, 0, (sockaddr *)&client, len);
        std::cout << "echoed " << n << " bytes to " << inet_ntoa(client.sin_addr) << std::endl;
    }
}
