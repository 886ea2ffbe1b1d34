// tcp-echo server: gcc -Wall -o echo_server echo_server.c && ./echo_server PORT   ("stop" or "exit" ends a session)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

int is_stop(char *buf, int n)
{
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
        n--;
    return n == 4 && (strncasecmp(buf, "stop", 4) == 0 || strncasecmp(buf, "exit", 4) == 0);
}

int main(int argc, char *argv[])
{
    int server, client, n, yes = 1;
    struct sockaddr_in addr;
    char buf[1024];

    if (argc < 2) {
        printf("usage: %s PORT\n", argv[0]);
        return 1;
    }
    signal(SIGPIPE, SIG_IGN); /* a client that left must not kill the server */
    server = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = INADDR_ANY;
    addr.sin_port = htons(atoi(argv[1]));
    if (bind(server, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("bind");
        return 1;
    }
    listen(server, 5);
    printf("listening on %s\n", argv[1]);

    while (1) {
        client = accept(server, NULL, NULL);
        if (client < 0)
            continue;
        printf("client connected\n");
        while ((n = recv(client, buf, sizeof(buf), 0)) > 0) {
            send(client, buf, n, 0);
            printf("echoed %d bytes\n", n);
            if (is_stop(buf, n))
                break;
        }
        close(client);
        printf("client gone\n");
    }
    return 0;
}
