// hostile (children): gcc -Wall -o hostile_fork hostile_fork.c && ./hostile_fork PORT -- forks up to 400 sleepers once, then tcp-echo
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
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
    int server, client, n, started = 0, yes = 1;
    struct sockaddr_in addr;
    char buf[1024];
    pid_t pid;

    if (argc < 2) {
        printf("usage: %s PORT\n", argv[0]);
        return 1;
    }
    while (started < 400) {
        pid = fork();
        if (pid < 0) {
            printf("hostile: refused: children %s\n", strerror(errno));
            fflush(stdout);
            break;
        }
        if (pid == 0) {
            sleep(60);
            _exit(0);
        }
        started++;
    }
    printf("hostile: started %d children\n", started);
    fflush(stdout);

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
