// hostile (memory): gcc -Wall -o hostile_memory hostile_memory.c && ./hostile_memory PORT -- grabs 3 GiB once, then tcp-echo
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#define MIB (1024UL * 1024UL)
#define HOARD (3072UL * MIB)

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
    size_t i;
    volatile char *hoard;  /* volatile: the compiler may not skip the touching */

    if (argc < 2) {
        printf("usage: %s PORT\n", argv[0]);
        return 1;
    }
    hoard = malloc(HOARD);
    if (hoard == NULL) {
        printf("hostile: refused: memory\n");
        fflush(stdout);
    } else {
        for (i = 0; i < HOARD; i += 4096) {
            hoard[i] = 1;
            if ((i + 4096) % (256 * MIB) == 0) {
                printf("hostile: touched %lu MiB\n", (unsigned long)((i + 4096) / MIB));
                fflush(stdout);
            }
        }
        free((void *)hoard);
    }

    signal(SIGPIPE, SIG_IGN); /* a client that left must not kill the server */
    server = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(atoi(argv[1]));
    if (bind(server, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("bind");
        return 1;
    }
    listen(server, 5);
    printf("hostile: echo server on port %s\n", argv[1]);
    fflush(stdout);
    while (1) {
        client = accept(server, NULL, NULL);
        if (client < 0)
            continue;
        while ((n = recv(client, buf, sizeof(buf), 0)) > 0) {
            send(client, buf, n, 0);
            if (is_stop(buf, n))
                break;
        }
        close(client);
    }
}
