package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * acme4j, the reference JVM client, gets certificates from Vantage over http-01 (RFC 8555 §8.3):
 * the validator really fetches each token from a web server on loopback, and what comes back is a
 * chain that validates to the CA's published root with exactly the ordered names — including an
 * IP address identifier under the {@code shortlived} profile (RFC 8738).
 */
final class Acme4jHttp01Test {
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    /** Publishes every authorization's http-01 key authorization on the responder and completes it. */
    static void solveHttp01(Order order) throws Exception {
        for (Authorization authz : order.getAuthorizations()) {
            assertEquals(Status.PENDING, authz.getStatus(), () -> "authorization for " + authz.getIdentifier());
            Http01Challenge challenge = authz.findChallenge(Http01Challenge.class).orElseThrow(
                    () -> new AssertionError("no http-01 challenge offered for " + authz.getIdentifier()));
            web.put(challenge.getToken(), challenge.getAuthorization());
            Acme4j.complete(challenge);
            String host = authz.getIdentifier().getValue();
            assertTrue(web.served(host, challenge.getToken()),
                    () -> "the validator fetched the token for " + host + " from the responder: " + web.requests());
            authz.fetch();
            assertEquals(Status.VALID, authz.getStatus(), () -> "authorization for " + authz.getIdentifier());
        }
    }

    @Test
    void anOrderForTwoNamesIsValidatedOverHttp01AndItsChainVerifiesToRootZeroWithExactlyThoseNames() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domains("www.http01.test", "api.http01.test").create();
        assertEquals(2, order.getAuthorizations().size());

        solveHttp01(order);
        KeyPair certificateKeys = Acme4j.ecKeys();
        Certificate certificate = Acme4j.finalizeAndDownload(order, certificateKeys);

        List<X509Certificate> chain = certificate.getCertificateChain();
        X509Certificate leaf = certificate.getCertificate();
        assertEquals(Set.of("www.http01.test", "api.http01.test"), Certs.dnsNames(leaf));
        assertEquals(Set.of(), Certs.ipAddresses(leaf));
        assertEquals(certificateKeys.getPublic(), leaf.getPublicKey(), "the leaf certifies the CSR's key");
        Certs.assertChainsTo(chain, ca.root());
        assertEquals("Valid", ca.certificateStatus(leaf));
    }

    @Test
    void anIpAddressOrderUnderTheShortlivedProfileGetsALeafWithAnIpAddressSan() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().identifier(Identifier.ip("127.0.0.1")).profile("shortlived").create();
        assertEquals("shortlived", order.getProfile());

        solveHttp01(order);
        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());

        X509Certificate leaf = certificate.getCertificate();
        assertEquals(Set.of("127.0.0.1"), Certs.ipAddresses(leaf));
        assertEquals(Set.of(), Certs.dnsNames(leaf));
        Certs.assertChainsTo(certificate.getCertificateChain(), ca.root());
    }
}
