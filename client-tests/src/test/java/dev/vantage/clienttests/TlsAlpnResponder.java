package dev.vantage.clienttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The tls-alpn-01 side of a web server (RFC 8737): a JDK TLS server on 127.0.0.1 that takes part
 * in ALPN only with {@code acme-tls/1} and presents, for the SNI name the validator sends, the
 * self-signed validation certificate registered for that name. It records each completed
 * handshake as {@code "<SNI> <ALPN protocol>"}.
 */
final class TlsAlpnResponder implements AutoCloseable {
    static final String ACME_TLS_1 = "acme-tls/1";
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
    private final List<String> handshakes = new CopyOnWriteArrayList<>();
    private final SSLServerSocket socket;
    private final Thread acceptor;

    private record Credential(PrivateKey key, X509Certificate certificate) {
    }

    private TlsAlpnResponder(int port) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {new SniKeyManager()}, null, null);
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {ACME_TLS_1});
        // With a matcher the JDK records the SNI name and refuses to resume a session made for
        // another name (RFC 6066 §3), as a web server hosting several names must.
        parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(".*")));
        socket.setSSLParameters(parameters);
        acceptor = new Thread(this::accept, "tls-alpn-01-responder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TlsAlpnResponder start(int port) {
        try {
            return new TlsAlpnResponder(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Presents {@code certificate} (signed by {@code keys}) to clients asking for {@code sniName}. */
    void put(String sniName, KeyPair keys, X509Certificate certificate) {
        credentials.put(sniName.toLowerCase(Locale.ROOT), new Credential(keys.getPrivate(), certificate));
    }

    /** Every completed handshake as {@code "<SNI name> <negotiated ALPN protocol>"}. */
    List<String> handshakes() {
        return List.copyOf(handshakes);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) socket.accept();
                Thread t = new Thread(() -> handshake(client), "tls-alpn-01-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed, or one failed accept: the loop condition decides
            }
        }
    }

    private void handshake(SSLSocket client) {
        try (client) {
            client.setSoTimeout(10_000);
            client.startHandshake();
            handshakes.add(sni(client.getSession()) + " " + client.getApplicationProtocol());
        } catch (IOException e) {
            // a validator may hang up once it has seen the certificate; nothing to serve after that
        }
    }

    private static String sni(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Chooses the credential by the SNI name of the handshake in progress (aliases are SNI names). */
    private final class SniKeyManager extends X509ExtendedKeyManager {
        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket s) {
            return s instanceof SSLSocket ssl ? alias(keyType, ssl.getHandshakeSession()) : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias(keyType, engine.getHandshakeSession());
        }

        private String alias(String keyType, SSLSession handshake) {
            String name = sni(handshake);
            Credential c = credentials.get(name);
            return c != null && c.key().getAlgorithm().equals(keyType) ? name : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return credentials.entrySet().stream().filter(e -> e.getValue().key().getAlgorithm().equals(keyType))
                    .map(Map.Entry::getKey).toArray(String[]::new);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Credential c = credentials.get(alias);
            return c == null ? null : new X509Certificate[] {c.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Credential c = credentials.get(alias);
            return c == null ? null : c.key();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket s) {
            return null;
        }
    }
}
