// tcp-echo client: gcc -Wall -o echo_client echo_client.c && ./echo_client HOST PORT   (one message, then exits)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    struct addrinfo hints, *res;
    char msg[1024], reply[1025];
    int sock, n;

    if (argc < 3) {
        printf("usage: %s HOST PORT\n", argv[0]);
        return 1;
    }
    printf("Message: ");
    if (fgets(msg, sizeof(msg), stdin) == NULL)
        return 1;
    msg[strcspn(msg, "\r\n")] = '\0';

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        printf("unknown host %s\n", argv[1]);
        return 1;
    }
    sock = socket(res->ai_family, res->ai_socktype, 0);
    if (connect(sock, res->ai_addr, res->ai_addrlen) < 0) {
        perror("connect");
        return 1;
    }
    freeaddrinfo(res);

    send(sock, msg, strlen(msg), 0);
    n = recv(sock, reply, sizeof(reply) - 1, 0);
    if (n <= 0) {
        printf("no reply from the server\n");
        close(sock);
        return 1;
    }
    reply[n] = '\0';
    printf("Echo: %s\n", reply);
    close(sock);
    return 0;
}
