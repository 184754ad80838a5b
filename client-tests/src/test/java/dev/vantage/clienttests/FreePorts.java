package dev.vantage.clienttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports for validation targets. The validator connects to fixed ports
 * ({@code validation.httpPort}, {@code validation.tlsAlpnPort}), so each test class picks its own
 * instead of Pebble's 5002/5001 and runs never collide.
 */
final class FreePorts {
    private FreePorts() {
    }

    /** {@code count} distinct ports that were free a moment ago; all are held open together so none repeats. */
    static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }
}
