package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsIdentityTest {
    private static final TlsIdentity IDENTITY = TlsIdentity.generate(
            List.of("localhost"), List.of("127.0.0.1", "::1"), Clock.systemUTC(), new SecureRandom());
    private static ExecutorService executor;
    private static SSLServerSocket server;
    private static Future<?> serving;

    @BeforeAll
    static void listen() throws IOException {
        server = (SSLServerSocket) IDENTITY.serverContext().getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        executor = Executors.newSingleThreadExecutor();
        serving = executor.submit(TlsIdentityTest::echoOneByteEach);
    }

    @AfterAll
    static void close() throws Exception {
        server.close();
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        serving.get();
    }

    /** Answers each connection's first byte with the same byte; failed handshakes are the client's business. */
    private static Void echoOneByteEach() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                int b = socket.getInputStream().read();
                socket.getOutputStream().write(b);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The next connection is served regardless; a closed server ends the loop.
            }
        }
        return null;
    }

    @Test
    void aClientTrustingTheRootConnectsToLocalhost() throws IOException {
        assertEquals(42, exchange("localhost", 42));
    }

    @Test
    void aClientConnectingByIpAddressAcceptsTheIpSan() throws IOException {
        assertEquals(7, exchange("127.0.0.1", 7));
    }

    @Test
    void aClientExpectingAnotherNameRefusesTheCertificate() {
        assertThrows(SSLHandshakeException.class, () -> exchange("acme.example.test", 1));
    }

    @Test
    void theServerCertificateSuitsEveryClient() throws Exception {
        X509Certificate certificate = IDENTITY.certificate();
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")),
                List.copyOf(certificate.getSubjectAlternativeNames()));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertEquals(256, ((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertTrue(validity.compareTo(Duration.ofDays(398)) <= 0, "Apple clients refuse more than 398 days");
        assertTrue(IDENTITY.root().getBasicConstraints() >= 0, "the root is a CA");
        assertEquals(IDENTITY.root(), Pem.parseCertificate(IDENTITY.rootPem()));
        Pkix.verify(List.of(certificate), IDENTITY.root(), certificate.getNotBefore().toInstant().plusSeconds(3600));
    }

    @Test
    void anIdentityNeedsAName() {
        assertThrows(IllegalArgumentException.class,
                () -> TlsIdentity.generate(List.of(), List.of(), Clock.systemUTC(), new SecureRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> TlsIdentity.generate(List.of(), List.of("localhost"), Clock.systemUTC(), new SecureRandom()));
    }

    /** Connects to 127.0.0.1 and runs TLS expecting the given host name, with HTTPS hostname checks on. */
    private static int exchange(String expectedHost, int value) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.getLocalPort()), 10_000);
            plain.setSoTimeout(10_000);
            try (SSLSocket tls = (SSLSocket) IDENTITY.clientContext().getSocketFactory()
                    .createSocket(plain, expectedHost, server.getLocalPort(), false)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                tls.getOutputStream().write(value);
                tls.getOutputStream().flush();
                return tls.getInputStream().read();
            }
        }
    }
}
