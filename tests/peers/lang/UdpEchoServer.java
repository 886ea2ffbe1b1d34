// udp-echo server (Java 17): java UdpEchoServer.java PORT   -- sends every datagram back as it came
import java.net.*;

public class UdpEchoServer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        DatagramSocket socket = new DatagramSocket(port);
        System.out.println("listening on " + port);
        while (true) {
            byte[] buf = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            System.out.println("received " + packet.getLength() + " bytes from " + packet.getSocketAddress());
            DatagramPacket reply = new DatagramPacket(packet.getData(), packet.getLength(),
                    packet.getAddress(), packet.getPort());
            socket.send(reply);
        }
    }
}
