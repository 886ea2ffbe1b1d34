// tcp-add server (Java 17): java AddServer.java PORT   -- one client at a time, "name,number" in, "name,number" out
import java.io.*;
import java.net.*;
import java.util.Random;

public class AddServer {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String serverName = "Server of Joana Java";
        int serverNumber = new Random().nextInt(100) + 1;

        ServerSocket welcome = new ServerSocket(port);
        System.out.println("listening on " + port);
        while (true) {
            Socket conn = welcome.accept();
            try {
                byte[] buf = new byte[1024];
                int n = conn.getInputStream().read(buf);
                String request = n > 0 ? new String(buf, 0, n).trim() : "";
                int comma = request.lastIndexOf(',');
                String clientName;
                int clientNumber;
                try {
                    clientName = request.substring(0, comma);
                    clientNumber = Integer.parseInt(request.substring(comma + 1).trim());
                } catch (RuntimeException e) {
                    System.out.println("bad request: " + request);
                    continue;
                }
                if (clientNumber < 1 || clientNumber > 100) {
                    System.out.println("number " + clientNumber + " out of range: shutting down");
                    break;
                }
                System.out.println("Client name: " + clientName + " | Server name: " + serverName);
                System.out.println("Client number: " + clientNumber + " | Server number: " + serverNumber
                        + " | Sum: " + (clientNumber + serverNumber));
                conn.getOutputStream().write((serverName + "," + serverNumber).getBytes());
            } catch (IOException e) {
                System.out.println("client error: " + e.getMessage());
            } finally {
                conn.close();
            }
        }
        welcome.close();
    }
}
