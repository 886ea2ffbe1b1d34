// udp-upper server, Kurose & Ross 2.7 style (Java 17): java UDPServer.java [PORT]   (default 9876)
// As in the textbook, the reply is the whole 1024-byte buffer: the sentence upper-cased, then NULs.
import java.net.*;

class UDPServer {
    public static void main(String args[]) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9876;
        DatagramSocket serverSocket = new DatagramSocket(port);
        System.out.println("listening on " + port);
        while (true) {
            byte[] receiveData = new byte[1024];
            byte[] sendData = new byte[1024];
            DatagramPacket receivePacket = new DatagramPacket(receiveData, receiveData.length);
            serverSocket.receive(receivePacket);
            String sentence = new String(receivePacket.getData());
            System.out.println("RECEIVED: " + sentence.trim());
            InetAddress IPAddress = receivePacket.getAddress();
            int port2 = receivePacket.getPort();
            String capitalizedSentence = sentence.toUpperCase();
            sendData = capitalizedSentence.getBytes();
            DatagramPacket sendPacket = new DatagramPacket(sendData, sendData.length, IPAddress, port2);
            serverSocket.send(sendPacket);
        }
    }
}
