package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;

/**
 * acme4j gets a certificate over tls-alpn-01 (RFC 8737): Vantage's validator opens TLS to the
 * loopback target with the name as SNI and ALPN {@code acme-tls/1}, and accepts the self-signed
 * certificate acme4j builds for the challenge (one SAN, critical acmeIdentifier extension). The
 * responder only answers the SNI name it holds a certificate for, so the SNI must be right.
 */
final class Acme4jTlsAlpn01Test {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    static TlsAlpnResponder tls;

    @BeforeAll
    static void start() {
        tls = TlsAlpnResponder.start(ca.tlsAlpnPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void aNameIsValidatedOverTlsAlpn01WithItsSniAndAcmeTls1AndTheLeafCarriesIt() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domain("alpn.test").create();

        Authorization authz = order.getAuthorizations().get(0);
        TlsAlpn01Challenge challenge = authz.findChallenge(TlsAlpn01Challenge.class)
                .orElseThrow(() -> new AssertionError("no tls-alpn-01 challenge offered for alpn.test"));
        KeyPair validationKeys = Acme4j.rsaKeys();
        tls.put("alpn.test", validationKeys, challenge.createCertificate(validationKeys, authz.getIdentifier()));
        Acme4j.complete(challenge);
        assertTrue(tls.handshakes().contains("alpn.test " + TlsAlpnResponder.ACME_TLS_1),
                () -> "the validator asked for alpn.test with acme-tls/1: " + tls.handshakes());

        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        X509Certificate leaf = certificate.getCertificate();
        assertEquals(Set.of("alpn.test"), Certs.dnsNames(leaf));
        Certs.assertChainsTo(certificate.getCertificateChain(), ca.root());
    }

    /** Two names at one target: each handshake carries its own SNI (no resumed session with a stale one). */
    @Test
    void twoNamesAtTheSameTargetAreEachValidatedWithTheirOwnSni() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domains("two.alpn.test", "www.two.alpn.test").create();
        for (Authorization authz : order.getAuthorizations()) {
            String name = authz.getIdentifier().getDomain();
            TlsAlpn01Challenge challenge = authz.findChallenge(TlsAlpn01Challenge.class).orElseThrow();
            KeyPair validationKeys = Acme4j.rsaKeys();
            tls.put(name, validationKeys, challenge.createCertificate(validationKeys, authz.getIdentifier()));
            Acme4j.complete(challenge);
            assertTrue(tls.handshakes().contains(name + " " + TlsAlpnResponder.ACME_TLS_1),
                    () -> "the validator asked for " + name + ": " + tls.handshakes());
        }
        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        assertEquals(Set.of("two.alpn.test", "www.two.alpn.test"), Certs.dnsNames(certificate.getCertificate()));
    }
}
