// tcp-add client (Java 17): java AddClient.java HOST PORT   -- asks a name and a number, sends "name,number"
import java.io.*;
import java.net.*;
import java.util.Scanner;

public class AddClient {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        System.out.print("Name: ");
        String name = in.nextLine().trim();
        System.out.print("Number: ");
        int number = Integer.parseInt(in.nextLine().trim());
        if (number < 1 || number > 100) {
            System.out.println("Number " + number + " is out of range: sending it anyway, the server will shut down");
        }
        try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]))) {
            socket.getOutputStream().write((name + "," + number).getBytes());
            byte[] buf = new byte[1024];
            int n = socket.getInputStream().read(buf);
            if (n <= 0) {
                System.out.println("The server closed the connection without a reply");
                return;
            }
            String reply = new String(buf, 0, n).trim();
            int comma = reply.lastIndexOf(',');
            String serverName = reply.substring(0, comma);
            int serverNumber = Integer.parseInt(reply.substring(comma + 1).trim());
            System.out.println("Client name: " + name + " | Server name: " + serverName);
            System.out.println("Client number: " + number + " | Server number: " + serverNumber
                    + " | Sum: " + (number + serverNumber));
        } catch (IOException e) {
            System.out.println("Could not talk to the server: " + e.getMessage());
            System.exit(1);
        }
    }
}
