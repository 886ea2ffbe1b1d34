// broken build (tcp-echo server that does not compile): gcc -Wall -o broken broken.c  -> fails
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    int server, client, n;
    struct sockaddr_in addr;
    char buf[1024];

    server = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = INADDR_ANY;
    addr.sin_port = htons(atoi(argv[1]))
    bind(server, (struct sockaddr *)&addr, sizeof(addr));
    listen(server, 5);
    printf("listening on %s\n", argv[1]);
    while (1) {
        client = accept(server, NULL, NULL);
        while ((n = recv(client, buf, sizeof(buf), 0)) > 0)
            send(client, buf, len, 0);
        close(client);
    }
    return 0;
}
