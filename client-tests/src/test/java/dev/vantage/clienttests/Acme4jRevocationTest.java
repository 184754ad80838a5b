package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.junit.VantageExtension;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * Revocation with acme4j (RFC 8555 §7.6), both ways the RFC allows: signed by the account that
 * ordered the certificate, and signed by the certificate's own key with no account at all. Either
 * way the management API's {@code /cert-status-by-serial/{hex}} then reports the certificate
 * {@code Revoked} with the reason given; a second revocation is {@code alreadyRevoked}, and an
 * account that holds no authorization for the names is refused.
 */
final class Acme4jRevocationTest {
    static final URI ALREADY_REVOKED = URI.create("urn:ietf:params:acme:error:alreadyRevoked");
    static final URI UNAUTHORIZED = URI.create("urn:ietf:params:acme:error:unauthorized");

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);

    /** Orders {@code name} over dns-01 (records set through the Java API) and downloads the certificate. */
    static Certificate issue(Login login, String name, KeyPair certificateKeys) throws Exception {
        Order order = login.newOrder().domain(name).create();
        for (Authorization authz : order.getAuthorizations()) {
            Dns01Challenge challenge = authz.findChallenge(Dns01Challenge.class).orElseThrow();
            ca.server().dns().setTxt(Dns01Challenge.toRRName(authz.getIdentifier()), challenge.getDigest());
            Acme4j.complete(challenge);
        }
        return Acme4j.finalizeAndDownload(order, certificateKeys);
    }

    static JsonNode status(X509Certificate leaf) {
        return VantageFixture.json(ca.managementGet("/cert-status-by-serial/" + Certs.serialHex(leaf)));
    }

    @Test
    void theOrderingAccountRevokesItsCertificateAndTheManagementApiThenSaysRevoked() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Certificate certificate = issue(login, "revoke-by-account.test", Acme4j.ecKeys());
        X509Certificate leaf = certificate.getCertificate();
        assertEquals("Valid", ca.certificateStatus(leaf));

        certificate.revoke(RevocationReason.SUPERSEDED);

        JsonNode status = status(leaf);
        assertEquals("Revoked", status.get("Status").asText(), status::toString);
        assertEquals(RevocationReason.SUPERSEDED.getReasonCode(), status.get("Reason").asInt(), status::toString);
        AcmeServerException again = assertThrows(AcmeServerException.class, certificate::revoke);
        assertEquals(ALREADY_REVOKED, again.getType(), again::getMessage);
    }

    @Test
    void theCertificateKeyAloneRevokesTheCertificateAndTheManagementApiThenSaysRevoked() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        KeyPair certificateKeys = Acme4j.ecKeys();
        X509Certificate leaf = issue(login, "revoke-by-key.test", certificateKeys).getCertificate();

        Certificate.revoke(Acme4j.session(ca), certificateKeys, leaf, RevocationReason.KEY_COMPROMISE);

        JsonNode status = status(leaf);
        assertEquals("Revoked", status.get("Status").asText(), status::toString);
        assertEquals(RevocationReason.KEY_COMPROMISE.getReasonCode(), status.get("Reason").asInt(), status::toString);
    }

    @Test
    void anAccountWithoutAuthorizationsForTheNamesCannotRevokeAndTheCertificateStaysValid() throws Exception {
        Login owner = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        X509Certificate leaf = issue(owner, "revoke-by-stranger.test", Acme4j.ecKeys()).getCertificate();
        Login stranger = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());

        AcmeServerException refused = assertThrows(AcmeServerException.class,
                () -> Certificate.revoke(stranger, leaf, RevocationReason.UNSPECIFIED));

        assertEquals(UNAUTHORIZED, refused.getType(), refused::getMessage);
        assertEquals("Valid", ca.certificateStatus(leaf));
    }
}
