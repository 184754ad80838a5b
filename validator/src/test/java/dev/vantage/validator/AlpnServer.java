package dev.vantage.validator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * A tls-alpn-01 responder for tests: a JDK SSLServerSocket on loopback presenting one certificate,
 * offering the given ALPN protocols (none: the server does not take part in ALPN), and recording
 * the SNI names clients sent.
 */
final class AlpnServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final Thread thread;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    AlpnServer(SSLContext context, InetAddress address, String... protocols) throws IOException {
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.bind(new InetSocketAddress(address, 0));
        SSLParameters parameters = socket.getSSLParameters();
        if (protocols.length > 0) {
            parameters.setApplicationProtocols(protocols);
        }
        // Recorded while the ClientHello is read, so a name is known before the client's side of
        // the handshake can finish: tests check right after the validation returns.
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                serverNames.add(((SNIHostName) name).getAsciiName());
                return true;
            }
        }));
        socket.setSSLParameters(parameters);
        thread = new Thread(this::serve, "alpn-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> serverNames() {
        return serverNames;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket client = (SSLSocket) socket.accept()) {
                client.setSoTimeout(5000);
                client.startHandshake();
            } catch (IOException e) {
                // a failed handshake is what some tests provoke; keep serving until closed
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(5000);
    }
}
