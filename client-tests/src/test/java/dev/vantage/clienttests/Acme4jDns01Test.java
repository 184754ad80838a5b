package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;

/**
 * acme4j gets certificates over dns-01 (RFC 8555 §8.4) with the TXT records served by Vantage's
 * embedded DNS server, set either through the Java API or through the management API's
 * pebble-challtestsrv route {@code /set-txt}. A wildcard and its base name share one record name,
 * so both values must be served side by side for both authorizations to pass.
 */
final class Acme4jDns01Test {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);

    static Dns01Challenge dns01(Authorization authz) {
        return authz.findChallenge(Dns01Challenge.class)
                .orElseThrow(() -> new AssertionError("no dns-01 challenge offered for " + authz.getIdentifier()));
    }

    @Test
    void aNameIsValidatedOverDns01WithTheTxtRecordSetThroughTheJavaApi() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domain("dns01.test").create();
        Authorization authz = order.getAuthorizations().get(0);
        Dns01Challenge challenge = dns01(authz);

        ca.server().dns().setTxt(Dns01Challenge.toRRName(authz.getIdentifier()), challenge.getDigest());
        Acme4j.complete(challenge);
        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());

        assertEquals(Set.of("dns01.test"), Certs.dnsNames(certificate.getCertificate()));
        Certs.assertChainsTo(certificate.getCertificateChain(), ca.root());
    }

    @Test
    void aWildcardAndItsBaseNameAreValidatedWithTwoTxtValuesAtTheSameNameSetThroughTheManagementApi()
            throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domains("*.wild.test", "wild.test").create();
        List<Authorization> authzs = order.getAuthorizations();
        assertEquals(2, authzs.size());

        List<Challenge> challenges = new ArrayList<>();
        for (Authorization authz : authzs) {
            assertEquals("wild.test", authz.getIdentifier().getDomain(), "RFC 8555 §7.1.4: the wildcard authz names the base");
            if (authz.isWildcard()) {
                List<String> types = authz.getChallenges().stream().map(Challenge::getType).toList();
                assertTrue(!types.contains(Http01Challenge.TYPE) && !types.contains(TlsAlpn01Challenge.TYPE),
                        () -> "a wildcard authorization offers only DNS challenges, not " + types);
            }
            Dns01Challenge challenge = dns01(authz);
            assertEquals("_acme-challenge.wild.test.", Dns01Challenge.toRRName(authz.getIdentifier()));
            ca.managementPost("/set-txt", "{\"host\":\"_acme-challenge.wild.test.\",\"value\":\"" + challenge.getDigest() + "\"}");
            challenges.add(challenge);
        }
        assertTrue(authzs.stream().anyMatch(Authorization::isWildcard), "one authorization is the wildcard's");
        for (Challenge challenge : challenges) {
            Acme4j.complete(challenge);
        }
        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());

        assertEquals(Set.of("*.wild.test", "wild.test"), Certs.dnsNames(certificate.getCertificate()));
        Certs.assertChainsTo(certificate.getCertificateChain(), ca.root());
    }
}
