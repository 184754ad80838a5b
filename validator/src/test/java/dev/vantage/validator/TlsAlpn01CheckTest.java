package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsAlpn01CheckTest {
    private static final String ACME_TLS_1 = "acme-tls/1";
    private static byte[] digest;
    private static KeyPair keys;

    private Lab lab;

    @BeforeAll
    static void keys() throws Exception {
        digest = MessageDigest.getInstance("SHA-256").digest(Lab.KEY_AUTHORIZATION.getBytes(StandardCharsets.UTF_8));
        keys = TestCertificates.keyPair();
    }

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static X509Certificate certificate(GeneralName san, Extension... extensions) throws Exception {
        return TestCertificates.selfSigned(keys, new GeneralName[] {san}, extensions);
    }

    private static AlpnServer server(X509Certificate certificate, String... protocols) throws Exception {
        return new AlpnServer(TestCertificates.serverContext(keys, certificate), Lab.loopback(), protocols);
    }

    private PerspectiveResult validate(Identifier identifier, int port, Duration timeout) {
        return lab.validator(Lab.config(80, port, timeout))
                .validate(Lab.request(identifier, ChallengeType.TLS_ALPN_01)).perspectives().get(0);
    }

    private PerspectiveResult validate(AlpnServer server) {
        return validate(Identifier.dns("x.test"), server.port(), Lab.TIMEOUT);
    }

    private static String incorrect(AlpnServer server, String why) {
        return "127.0.0.1: Incorrect validation certificate for tls-alpn-01 challenge. Requested x.test from 127.0.0.1:"
                + server.port() + ". " + why;
    }

    @Test
    void theRightDigestPassesAndTheIdentifierIsSentAsSni() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("X.test"),
                TestCertificates.acmeIdentifier(digest, true)), ACME_TLS_1)) {
            PerspectiveResult result = validate(server);
            assertNull(result.problem());
            assertEquals("127.0.0.1", result.targetAddress());
            assertEquals(server.port(), result.port());
            assertEquals(List.of("x.test"), server.serverNames());
        }
    }

    @Test
    void everyHandshakeSendsItsOwnIdentifierAsSniEvenToATargetSeenBefore() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"),
                TestCertificates.acmeIdentifier(digest, true)), ACME_TLS_1)) {
            ChallengeValidator validator = lab.validator(Lab.config(80, server.port(), Lab.TIMEOUT));
            validator.validate(Lab.request(Identifier.dns("x.test"), ChallengeType.TLS_ALPN_01));
            validator.validate(Lab.request(Identifier.dns("y.test"), ChallengeType.TLS_ALPN_01));
            assertEquals(List.of("x.test", "y.test"), server.serverNames(), "no session resumption with a stale SNI");
        }
    }

    @Test
    void aWrongDigestIsUnauthorizedAndBothValuesAreShown() throws Exception {
        byte[] wrong = Arrays.copyOf(digest, digest.length);
        wrong[0] ^= 1;
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"),
                TestCertificates.acmeIdentifier(wrong, true)), ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with acmeValidationV1 extension value " + HexFormat.of().formatHex(wrong)
                            + " but expected " + HexFormat.of().formatHex(digest) + ".")), validate(server).problem());
        }
    }

    @Test
    void aNonCriticalExtensionIsUnauthorized() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"),
                TestCertificates.acmeIdentifier(digest, false)), ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with acmeValidationV1 extension that is not Critical.")), validate(server).problem());
        }
    }

    @Test
    void aMissingExtensionIsUnauthorized() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test")), ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with no acmeValidationV1 extension.")), validate(server).problem());
        }
    }

    @Test
    void anExtensionThatIsNotAnOctetStringIsMalformed() throws Exception {
        Extension notOctets = new Extension(AcmeCertificate.ACME_IDENTIFIER, true,
                new org.bouncycastle.asn1.DERUTF8String("digest").getEncoded());
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"), notOctets), ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with malformed acmeValidationV1 extension value.")), validate(server).problem());
        }
    }

    @Test
    void aCertificateForAnotherNameIsUnauthorized() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("other.test"),
                TestCertificates.acmeIdentifier(digest, true)), ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with unexpected identifiers (\"other.test\"): "
                            + "\"identifier does not match expected identifier\"")), validate(server).problem());
        }
    }

    @Test
    void aCertificateWithTwoNamesIsUnauthorized() throws Exception {
        X509Certificate twoNames = TestCertificates.selfSigned(keys, new GeneralName[] {
                TestCertificates.dnsName("x.test"), TestCertificates.dnsName("www.x.test")},
                TestCertificates.acmeIdentifier(digest, true));
        try (AlpnServer server = server(twoNames, ACME_TLS_1)) {
            assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, incorrect(server,
                    "Received certificate with unexpected identifiers (\"x.test, www.x.test\"): "
                            + "\"wrong number of identifiers\"")), validate(server).problem());
        }
    }

    @Test
    void aServerWithoutAlpnIsATlsProblem() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"),
                TestCertificates.acmeIdentifier(digest, true)))) {
            assertEquals(new ValidationProblem(ProblemKind.TLS,
                    "127.0.0.1: Cannot negotiate ALPN protocol \"acme-tls/1\" for tls-alpn-01 challenge"),
                    validate(server).problem());
        }
    }

    @Test
    void aServerOfferingOnlyOtherProtocolsIsATlsProblem() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.dnsName("x.test"),
                TestCertificates.acmeIdentifier(digest, true)), "h2", "http/1.1")) {
            assertEquals(new ValidationProblem(ProblemKind.TLS,
                    "127.0.0.1: Cannot negotiate ALPN protocol \"acme-tls/1\" for tls-alpn-01 challenge"),
                    validate(server).problem());
        }
    }

    @Test
    void anIpIdentifierUsesTheReverseNameAsSniAndAnIpAddressSan() throws Exception {
        try (AlpnServer server = server(certificate(TestCertificates.ipAddress("127.0.0.1"),
                TestCertificates.acmeIdentifier(digest, true)), ACME_TLS_1)) {
            lab.dns.clearHistory();
            PerspectiveResult result = validate(Identifier.ip("127.0.0.1"), server.port(), Lab.TIMEOUT);
            assertNull(result.problem());
            assertEquals(List.of("1.0.0.127.in-addr.arpa"), server.serverNames());
            assertTrue(lab.dns.history().isEmpty());
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionProblem() throws Exception {
        int port = Lab.closedPort();
        PerspectiveResult result = validate(Identifier.dns("x.test"), port, Lab.TIMEOUT);
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, "127.0.0.1: Connection refused"), result.problem());
        assertEquals(port, result.port());
    }

    @Test
    void aServerThatNeverCompletesTheHandshakeTimesOutAfterConnect() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(Lab.loopback(), 0)); // the kernel accepts; nobody speaks
            PerspectiveResult result = validate(Identifier.dns("x.test"), silent.getLocalPort(), Lab.SHORT);
            assertEquals(new ValidationProblem(ProblemKind.CONNECTION,
                    "127.0.0.1: Timeout after connect (your server may be slow or overloaded)"), result.problem());
        }
    }

    @Test
    void aDnsFailureIsADnsProblem() throws IOException {
        lab.records.setServfail("x.test");
        assertEquals(new ValidationProblem(ProblemKind.DNS,
                "DNS problem: SERVFAIL looking up A for x.test - the domain's nameservers may be malfunctioning"),
                validate(Identifier.dns("x.test"), Lab.closedPort(), Lab.TIMEOUT).problem());
    }
}
