// hostile (Java heap): java HostileHeap.java PORT -- grabs up to 3 GiB in 64 MiB arrays once, then tcp-echo
import java.io.*;
import java.net.*;
import java.util.ArrayList;
import java.util.List;

public class HostileHeap {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        List<byte[]> hoard = new ArrayList<>();
        try {
            while (hoard.size() < 48) {
                hoard.add(new byte[64 * 1024 * 1024]);
            }
            System.out.println("hostile: holds " + hoard.size() * 64 + " MiB");
        } catch (OutOfMemoryError e) {
            int got = hoard.size() * 64;
            hoard.clear();
            System.out.println("hostile: refused: memory OutOfMemoryError after " + got + " MiB");
        }
        hoard = null;
        System.gc();

        ServerSocket server = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
        System.out.println("hostile: echo server on port " + port);
        while (true) {
            try (Socket conn = server.accept()) {
                InputStream in = conn.getInputStream();
                OutputStream out = conn.getOutputStream();
                byte[] buf = new byte[1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    String msg = new String(buf, 0, n).trim();
                    if (msg.equalsIgnoreCase("stop") || msg.equalsIgnoreCase("exit")) {
                        break;
                    }
                }
            } catch (IOException e) {
                System.out.println("client error: " + e.getMessage());
            }
        }
    }
}
