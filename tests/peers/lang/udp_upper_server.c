// udp-upper server: gcc -Wall -o udp_upper_server udp_upper_server.c && ./udp_upper_server PORT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <arpa/inet.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    int sock, n, i;
    struct sockaddr_in addr, client;
    socklen_t len;
    char buf[1024];

    if (argc < 2) {
        printf("usage: %s PORT\n", argv[0]);
        return 1;
    }
    sock = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = INADDR_ANY;
    addr.sin_port = htons(atoi(argv[1]));
    if (bind(sock, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("bind");
        return 1;
    }
    printf("listening on %s\n", argv[1]);

    while (1) {
        len = sizeof(client);
        n = recvfrom(sock, buf, sizeof(buf), 0, (struct sockaddr *)&client, &len);
        if (n < 0)
            continue;
        for (i = 0; i < n; i++)
            buf[i] = toupper((unsigned char)buf[i]);
        sendto(sock, buf, n, 0, (struct sockaddr *)&client, len);
        printf("sent %d bytes back to %s\n", n, inet_ntoa(client.sin_addr));
    }
    return 0;
}
