package dev.vantage.validator.dns;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A UDP "server" for resolver tests that answers every query with one RCODE and no records, or
 * (with a negative RCODE) never answers at all: the external resolvers the validator may be
 * pointed at do what the mock server never does.
 */
public final class RcodeStub implements AutoCloseable {
    /** RCODE 3, for tests outside this package, which do not use dnsjava. */
    public static final int NXDOMAIN = 3;
    /** Never answer: the client times out. */
    public static final int SILENT = -1;

    private final DatagramSocket socket;
    private final Thread thread;

    public RcodeStub(int rcode) throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(rcode), "rcode-stub");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    private void serve(int rcode) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                if (rcode < 0) {
                    continue;
                }
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setRcode(rcode);
                response.addRecord(query.getQuestion(), Section.QUESTION);
                byte[] wire = response.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (Exception e) {
                // closed, or a packet this stub cannot read: keep going until closed
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(2000);
    }
}
