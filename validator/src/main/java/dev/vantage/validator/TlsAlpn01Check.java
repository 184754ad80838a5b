package dev.vantage.validator;

import dev.vantage.config.FirewallService;
import dev.vantage.config.ValidationConfig;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * tls-alpn-01 (RFC 8737): a TLS handshake to the tlsAlpnPort that offers only the ALPN protocol
 * {@code acme-tls/1}, sends the identifier as SNI (the reverse-mapping name for an IP, RFC 8738
 * §6) and does not verify the certificate, which is then inspected by {@link AcmeCertificate}.
 */
final class TlsAlpn01Check implements ChallengeCheck {
    /** RFC 8737 §6.2. */
    static final String ACME_TLS_1 = "acme-tls/1";

    private final ValidationConfig config;

    TlsAlpn01Check(ValidationConfig config) {
        this.config = config;
    }

    @Override
    public CheckOutcome check(Perspective perspective, ValidationRequest request) {
        Identifier identifier = request.identifier();
        Targets.Resolution resolution = Targets.resolve(perspective, identifier.value());
        if (resolution.problem() != null) {
            return CheckOutcome.failed(resolution.problem());
        }
        int port = config.tlsAlpnPort();
        String serverName = identifier.type() == IdentifierType.IP
                ? Targets.reverseName(resolution.addresses().get(0)) : identifier.value();
        Handshake handshake = null;
        for (InetAddress address : resolution.addresses()) { // IPv6 first, IPv4 once as fallback
            handshake = handshake(perspective, address, port, serverName, identifier.value());
            if (handshake.failure() == null) {
                break;
            }
        }
        String ip = handshake.ip();
        if (handshake.failure() != null) {
            return CheckOutcome.failed(ip, port, failure(ip, handshake));
        }
        if (!ACME_TLS_1.equals(handshake.protocol())) {
            return CheckOutcome.failed(ip, port, noAlpn(ip));
        }
        String wrong = AcmeCertificate.problem(handshake.certificate(), identifier, request.keyAuthorization());
        if (wrong != null) {
            String from = (handshake.address() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + port;
            return CheckOutcome.failed(ip, port, new ValidationProblem(ProblemKind.UNAUTHORIZED, ip
                    + ": Incorrect validation certificate for tls-alpn-01 challenge. Requested "
                    + identifier.value() + " from " + from + ". " + wrong));
        }
        return CheckOutcome.passed(ip, port);
    }

    /** One handshake's result: the negotiated protocol and leaf certificate, or the failure. */
    private record Handshake(InetAddress address, String protocol, X509Certificate certificate,
                             IOException failure, boolean connecting) {
        String ip() {
            return Targets.text(address);
        }
    }

    private Handshake handshake(Perspective perspective, InetAddress address, int port, String serverName,
                                String host) {
        try {
            perspective.admit(host, address, port, FirewallService.TLS_ALPN_01);
        } catch (IOException e) {
            return new Handshake(address, null, null, e, true);
        }
        // A fresh context per handshake: a shared one caches sessions per address and port, and a
        // resumption attempt carries the earlier session's SNI instead of this identifier's
        // (RFC 8737 §3 needs the identifier's SNI; Boulder never resumes either).
        SSLSocketFactory sockets = InsecureTls.context().getSocketFactory();
        try (SSLSocket socket = (SSLSocket) sockets.createSocket()) {
            if (perspective.bindAddress() != null) {
                socket.bind(new InetSocketAddress(perspective.bindAddress(), 0));
            }
            try {
                socket.connect(new InetSocketAddress(address, port), millis(config.connectTimeout()));
            } catch (IOException e) {
                return new Handshake(address, null, null, e, true);
            }
            socket.setSoTimeout(millis(config.readTimeout()));
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            parameters.setApplicationProtocols(new String[] {ACME_TLS_1});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return new Handshake(address, socket.getApplicationProtocol(), leaf, null, false);
        } catch (IOException e) {
            return new Handshake(address, null, null, e, false);
        }
    }

    private static ValidationProblem failure(String ip, Handshake handshake) {
        String message = String.valueOf(handshake.failure().getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no_application_protocol")) {
            return noAlpn(ip); // the server speaks ALPN but not acme-tls/1 (RFC 7301 §3.2 alert)
        }
        return NetworkFailures.describe(ip + ": ", handshake.failure(), handshake.connecting());
    }

    private static ValidationProblem noAlpn(String ip) {
        return new ValidationProblem(ProblemKind.TLS,
                ip + ": Cannot negotiate ALPN protocol \"" + ACME_TLS_1 + "\" for tls-alpn-01 challenge");
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
