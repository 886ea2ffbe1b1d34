// tcp-upper server, Kurose & Ross 2.7 style (Java 17): java TCPServer.java [PORT]   (default 6789)
import java.io.*;
import java.net.*;

class TCPServer {
    public static void main(String argv[]) throws Exception {
        String clientSentence;
        String capitalizedSentence;
        int port = argv.length > 0 ? Integer.parseInt(argv[0]) : 6789;
        ServerSocket welcomeSocket = new ServerSocket(port);
        System.out.println("listening on " + port);

        while (true) {
            Socket connectionSocket = welcomeSocket.accept();
            BufferedReader inFromClient =
                new BufferedReader(new InputStreamReader(connectionSocket.getInputStream()));
            DataOutputStream outToClient = new DataOutputStream(connectionSocket.getOutputStream());
            try {
                clientSentence = inFromClient.readLine();
                if (clientSentence != null) {
                    capitalizedSentence = clientSentence.toUpperCase() + '\n';
                    outToClient.writeBytes(capitalizedSentence);
                }
            } catch (IOException e) {
                System.out.println("client went away: " + e.getMessage());
            }
            connectionSocket.close();
        }
    }
}
