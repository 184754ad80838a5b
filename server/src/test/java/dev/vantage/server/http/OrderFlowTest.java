package dev.vantage.server.http;

import static dev.vantage.server.http.JwsRulesTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.VantageServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import dev.vantage.server.junit.VantageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Orders through the HTTP API with dns-01 answered by the embedded DNS server: the happy path and
 * every rule that guards it (identifiers, profiles, finalize, CSR, deactivation, revocation).
 */
class OrderFlowTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().build();

    static TestAcmeClient registered() throws Exception {
        return registeredOn(VANTAGE.server());
    }

    /** A client with a fresh account on {@code server}. */
    static TestAcmeClient registeredOn(VantageServer server) throws Exception {
        TestAcmeClient c = new TestAcmeClient(server.directory(), server.sslContext());
        c.register();
        return c;
    }

    static HttpResponse<String> newOrder(TestAcmeClient c, String... names) throws Exception {
        return c.post(c.url("newOrder"), Map.of("identifiers",
                java.util.Arrays.stream(names).map(n -> Map.of("type", "dns", "value", n)).toList()));
    }

    /** Publishes the dns-01 TXT value and responds to the challenge, then waits for the outcome. */
    static JsonNode solveDns01(TestAcmeClient c, String authzUrl) throws Exception {
        return solveDns01(VANTAGE.server(), c, authzUrl);
    }

    /** As {@link #solveDns01(TestAcmeClient, String)} on any server. */
    static JsonNode solveDns01(VantageServer server, TestAcmeClient c, String authzUrl) throws Exception {
        JsonNode authz = TestAcmeClient.json(c.post(authzUrl, null));
        JsonNode chall = null;
        for (JsonNode ch : authz.get("challenges")) {
            if (ch.get("type").asText().equals("dns-01")) {
                chall = ch;
            }
        }
        String thumbprint = c.key.computeThumbprint().toString();
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((chall.get("token").asText() + "." + thumbprint).getBytes(StandardCharsets.US_ASCII));
        server.dns().setTxt("_acme-challenge." + authz.get("identifier").get("value").asText(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        HttpResponse<String> started = c.post(chall.get("url").asText(), Map.of());
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.headers().allValues("Link").stream().anyMatch(l -> l.contains("rel=\"up\"")));
        return poll(c, authzUrl);
    }

    static JsonNode poll(TestAcmeClient c, String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode o = TestAcmeClient.json(c.post(url, null));
            if (!o.get("status").asText().equals("pending")) {
                return o;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("still pending: " + url);
    }

    @Test
    void aDns01OrderBecomesReadyIsFinalizedAndItsCertificateDownloads() throws Exception {
        TestAcmeClient c = registered();
        HttpResponse<String> created = newOrder(c, "flow.test");
        assertEquals(201, created.statusCode(), created.body());
        String orderUrl = created.headers().firstValue("Location").orElseThrow();
        JsonNode order = TestAcmeClient.json(created);
        assertEquals("pending", order.get("status").asText());
        assertEquals("classic", order.get("profile").asText());
        assertEquals("valid", solveDns01(c, order.get("authorizations").get(0).asText()).get("status").asText());
        assertEquals("ready", TestAcmeClient.json(c.post(orderUrl, null)).get("status").asText());

        var key = Csrs.ecKey();
        HttpResponse<String> finalized = c.post(order.get("finalize").asText(),
                Map.of("csr", Csrs.base64url(Csrs.csr(key, "flow.test"))));
        assertEquals(200, finalized.statusCode(), finalized.body());
        JsonNode done = TestAcmeClient.json(finalized);
        assertEquals("valid", done.get("status").asText());
        HttpResponse<String> cert = c.post(done.get("certificate").asText(), null);
        assertEquals("application/pem-certificate-chain", cert.headers().firstValue("Content-Type").orElse(""));
        assertEquals(2, cert.body().split("BEGIN CERTIFICATE").length - 1, "leaf and intermediate");
    }

    @Test
    void finalizingAnOrderThatIsNotReadyIsOrderNotReadyAndChangesNothing() throws Exception {
        TestAcmeClient c = registered();
        JsonNode order = TestAcmeClient.json(newOrder(c, "early.test"));
        HttpResponse<String> r = c.post(order.get("finalize").asText(),
                Map.of("csr", Csrs.base64url(Csrs.csr(Csrs.ecKey(), "early.test"))));
        assertProblem(r, 403, "orderNotReady");
        String orderUrl = order.get("finalize").asText().replace("/finalize", "");
        assertEquals("pending", TestAcmeClient.json(c.post(orderUrl, null)).get("status").asText());
    }

    @Test
    void aCsrForOtherNamesIsBadCsrAndTheOrderStaysReady() throws Exception {
        TestAcmeClient c = registered();
        JsonNode order = TestAcmeClient.json(newOrder(c, "csr.test"));
        solveDns01(c, order.get("authorizations").get(0).asText());
        String orderUrl = order.get("finalize").asText().replace("/finalize", "");
        assertProblem(c.post(order.get("finalize").asText(),
                Map.of("csr", Csrs.base64url(Csrs.csr(Csrs.ecKey(), "csr.test", "extra.test")))), 400, "badCSR");
        assertProblem(c.post(order.get("finalize").asText(), Map.of("csr", "!!!")), 400, "badCSR");
        assertProblem(c.post(order.get("finalize").asText(), Map.of("csr", "AAAA")), 400, "badCSR");
        assertEquals("ready", TestAcmeClient.json(c.post(orderUrl, null)).get("status").asText());
    }

    @Test
    void badIdentifiersGetOneSubproblemEach() throws Exception {
        TestAcmeClient c = registered();
        HttpResponse<String> r = c.post(c.url("newOrder"), Map.of("identifiers", List.of(
                Map.of("type", "dns", "value", "good.test"),
                Map.of("type", "dns", "value", "*.*.bad.test"),
                Map.of("type", "dns", "value", "under_score.test"),
                Map.of("type", "email", "value", "a@b.test"))));
        assertProblem(r, 400, "compound");
        JsonNode subs = TestAcmeClient.json(r).get("subproblems");
        assertEquals(3, subs.size());
        assertEquals("*.*.bad.test", subs.get(0).get("identifier").get("value").asText());
        assertEquals("urn:ietf:params:acme:error:unsupportedIdentifier", subs.get(2).get("type").asText());
    }

    @Test
    void anUnknownProfileIsInvalidProfileAndIpNeedsAProfileThatAllowsIt() throws Exception {
        TestAcmeClient c = registered();
        assertProblem(c.post(c.url("newOrder"), Map.of("profile", "nope",
                "identifiers", List.of(Map.of("type", "dns", "value", "p.test")))), 400, "invalidProfile");
        assertProblem(c.post(c.url("newOrder"), Map.of(
                "identifiers", List.of(Map.of("type", "ip", "value", "127.0.0.1")))), 400, "rejectedIdentifier");
        HttpResponse<String> ok = c.post(c.url("newOrder"), Map.of("profile", "shortlived",
                "identifiers", List.of(Map.of("type", "ip", "value", "127.0.0.1"))));
        assertEquals(201, ok.statusCode(), ok.body());
    }

    @Test
    void aWildcardAuthorizationOffersOnlyDns01() throws Exception {
        TestAcmeClient c = registered();
        JsonNode order = TestAcmeClient.json(newOrder(c, "*.wild.test"));
        JsonNode authz = TestAcmeClient.json(c.post(order.get("authorizations").get(0).asText(), null));
        assertEquals("wild.test", authz.get("identifier").get("value").asText());
        assertTrue(authz.get("wildcard").asBoolean());
        assertEquals(1, authz.get("challenges").size());
        assertEquals("dns-01", authz.get("challenges").get(0).get("type").asText());
    }

    @Test
    void deactivatingAnAuthorizationMakesItsOrderInvalid() throws Exception {
        TestAcmeClient c = registered();
        HttpResponse<String> created = newOrder(c, "deact.test");
        String orderUrl = created.headers().firstValue("Location").orElseThrow();
        String authzUrl = TestAcmeClient.json(created).get("authorizations").get(0).asText();
        JsonNode authz = TestAcmeClient.json(c.post(authzUrl, Map.of("status", "deactivated")));
        assertEquals("deactivated", authz.get("status").asText());
        assertEquals("invalid", TestAcmeClient.json(c.post(orderUrl, null)).get("status").asText());
        assertProblem(c.post(authzUrl, Map.of("status", "deactivated")), 400, "malformed");
        assertProblem(c.post(authzUrl, Map.of("status", "valid")), 400, "malformed");
    }

    @Test
    void revocationChecksTheReasonAndRefusesTwice() throws Exception {
        TestAcmeClient c = registered();
        JsonNode order = TestAcmeClient.json(newOrder(c, "revoke.test"));
        solveDns01(c, order.get("authorizations").get(0).asText());
        JsonNode done = TestAcmeClient.json(c.post(order.get("finalize").asText(),
                Map.of("csr", Csrs.base64url(Csrs.csr(Csrs.ecKey(), "revoke.test")))));
        String pem = c.post(done.get("certificate").asText(), null).body();
        String b64 = pem.split("-----BEGIN CERTIFICATE-----")[1].split("-----END CERTIFICATE-----")[0].replaceAll("\\s", "");
        String der = Csrs.base64url(Base64.getDecoder().decode(b64));
        assertProblem(c.post(c.url("revokeCert"), Map.of("certificate", der, "reason", 7)), 400, "badRevocationReason");
        assertEquals(200, c.post(c.url("revokeCert"), Map.of("certificate", der, "reason", 1)).statusCode());
        assertProblem(c.post(c.url("revokeCert"), Map.of("certificate", der)), 400, "alreadyRevoked");
        TestAcmeClient stranger = registered();
        assertProblem(stranger.post(c.url("revokeCert"), Map.of("certificate", der)), 403, "unauthorized");
    }

    @Test
    void aKeyAlreadyUsedByAnotherAccountIs409WithThatAccountsLocation() throws Exception {
        TestAcmeClient a = registered();
        TestAcmeClient b = registered();
        String url = a.url("keyChange");
        String inner = a.sign(url, Map.of("account", a.kid, "oldKey", a.key.toPublicJWK().toJSONObject()), null, true, b.key);
        HttpResponse<String> r = a.post(url, inner);
        assertProblem(r, 409, "malformed");
        assertEquals(b.kid, r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aDeactivatedAccountCanDoNothingMore() throws Exception {
        TestAcmeClient c = registered();
        JsonNode acct = TestAcmeClient.json(c.post(c.kid, Map.of("status", "deactivated")));
        assertEquals("deactivated", acct.get("status").asText());
        assertProblem(newOrder(c, "late.test"), 403, "unauthorized");
    }
}
