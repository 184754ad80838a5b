package dev.vantage.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import dev.vantage.server.junit.VantageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request pipeline's rules (RFC 8555 §6): each bad request gets the right problem type and
 * status, a fresh nonce, and changes nothing.
 */
class JwsRulesTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().build();

    TestAcmeClient client() throws Exception {
        return new TestAcmeClient(VANTAGE.server().directory(), VANTAGE.server().sslContext());
    }

    static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode doc = TestAcmeClient.json(r);
        assertEquals("urn:ietf:params:acme:error:" + type, doc.get("type").asText(), r.body());
        assertTrue(r.headers().firstValue("Replay-Nonce").isPresent(), "every answer carries a fresh nonce");
        assertTrue(r.headers().allValues("Link").stream().anyMatch(l -> l.contains("rel=\"index\"")));
        assertTrue(!r.body().contains("at dev.vantage") && !r.body().contains("Exception"), "no stack trace in " + r.body());
    }

    /** The account of the client's key does not exist: the failed request created nothing. */
    static void assertNoAccount(TestAcmeClient c) throws Exception {
        String saved = c.kid;
        c.kid = null;
        HttpResponse<String> r = c.post(c.url("newAccount"), Map.of("onlyReturnExisting", true));
        c.kid = saved;
        assertProblem(r, 400, "accountDoesNotExist");
    }

    @Test
    void theDirectoryListsEveryResourceAndTheMetaFields() throws Exception {
        JsonNode dir = client().directory;
        for (String field : List.of("newNonce", "newAccount", "newOrder", "revokeCert", "keyChange")) {
            assertTrue(dir.get(field).asText().startsWith("https://localhost:"), field);
        }
        JsonNode meta = dir.get("meta");
        assertTrue(meta.has("termsOfService") && meta.has("website") && meta.has("caaIdentities"));
        assertEquals(false, meta.get("externalAccountRequired").asBoolean());
        assertTrue(meta.get("profiles").has("classic"));
    }

    @Test
    void newNonceAnswersHeadWith200AndGetWith204AndIsNeverCached() throws Exception {
        TestAcmeClient c = client();
        HttpResponse<String> get = c.get(c.url("newNonce"));
        assertEquals(204, get.statusCode());
        assertEquals("no-store", get.headers().firstValue("Cache-Control").orElse(""));
        assertNotEquals(c.nonce(), get.headers().firstValue("Replay-Nonce").orElseThrow());
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        TestAcmeClient c = client();
        String body = c.sign(c.url("newAccount"), Map.of("termsOfServiceAgreed", true), c.nonce(), true, c.key);
        assertProblem(c.sendRaw(c.url("newAccount"), body, "application/json"), 415, "malformed");
        assertNoAccount(c);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        TestAcmeClient c = client();
        assertProblem(c.send(c.url("newAccount"), "not json at all {"), 400, "malformed");
        assertProblem(c.send(c.url("newAccount"), "[]"), 400, "malformed");
        assertProblem(c.send(c.url("newAccount"), "{\"protected\": 5}"), 400, "malformed");
    }

    @Test
    void theGeneralJwsSerializationIsRefused() throws Exception {
        TestAcmeClient c = client();
        String flat = c.sign(c.url("newAccount"), Map.of("termsOfServiceAgreed", true), c.nonce(), true, c.key);
        JsonNode f = TestAcmeClient.JSON.readTree(flat);
        String general = TestAcmeClient.JSON.writeValueAsString(Map.of("payload", f.get("payload").asText(),
                "signatures", List.of(Map.of("protected", f.get("protected").asText(), "signature", f.get("signature").asText()))));
        assertProblem(c.send(c.url("newAccount"), general), 400, "malformed");
        assertNoAccount(c);
    }

    @Test
    void anUnsupportedAlgorithmIsBadSignatureAlgorithmWithTheAcceptedList() throws Exception {
        TestAcmeClient c = client();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .customParams(Map.of("url", c.url("newAccount"), "nonce", c.nonce()))
                .jwk(c.key.toPublicJWK()).build(), new Payload("{}"));
        jws.sign(new MACSigner(new byte[32]));
        HttpResponse<String> r = c.send(c.url("newAccount"), TestAcmeClient.flattened(jws));
        assertProblem(r, 400, "badSignatureAlgorithm");
        assertEquals("[\"RS256\",\"ES256\",\"ES384\",\"ES512\"]", TestAcmeClient.json(r).get("algorithms").toString());
    }

    @Test
    void aSignatureByAnotherKeyThanTheJwkIsMalformed() throws Exception {
        TestAcmeClient c = client();
        var other = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .customParams(Map.of("url", c.url("newAccount"), "nonce", c.nonce()))
                .jwk(c.key.toPublicJWK()).build(), new Payload("{\"termsOfServiceAgreed\":true}"));
        jws.sign(TestAcmeClient.signer(other));
        assertProblem(c.send(c.url("newAccount"), TestAcmeClient.flattened(jws)), 400, "malformed");
        assertNoAccount(c);
    }

    @Test
    void aUrlThatIsNotTheRequestUrlIsUnauthorized() throws Exception {
        TestAcmeClient c = client();
        String body = c.sign(c.url("newOrder"), Map.of("termsOfServiceAgreed", true), c.nonce(), true, c.key);
        assertProblem(c.send(c.url("newAccount"), body), 403, "unauthorized");
        assertNoAccount(c);
    }

    @Test
    void aReusedNonceIsBadNonceWithAFreshNonceAndTheRetryWorks() throws Exception {
        TestAcmeClient c = client();
        c.register();
        String nonce = c.nonce();
        String first = c.sign(c.kid, null, nonce, false, c.key);
        assertEquals(200, c.send(c.kid, first).statusCode());
        HttpResponse<String> replay = c.send(c.kid, c.sign(c.kid, null, nonce, false, c.key));
        assertProblem(replay, 400, "badNonce");
        String fresh = replay.headers().firstValue("Replay-Nonce").orElseThrow();
        assertEquals(200, c.send(c.kid, c.sign(c.kid, null, fresh, false, c.key)).statusCode());
    }

    @Test
    void aNonceTheServerNeverIssuedIsBadNonce() throws Exception {
        TestAcmeClient c = client();
        String body = c.sign(c.url("newAccount"), Map.of("termsOfServiceAgreed", true), "bm90LWEtbm9uY2U", true, c.key);
        assertProblem(c.send(c.url("newAccount"), body), 400, "badNonce");
        assertNoAccount(c);
    }

    @Test
    void anUnknownKidIsAccountDoesNotExist() throws Exception {
        TestAcmeClient c = client();
        c.register();
        String missing = c.kid.substring(0, c.kid.lastIndexOf('/') + 1) + "no-such-account";
        c.kid = missing;
        assertProblem(c.post(c.url("newOrder"), Map.of("identifiers",
                List.of(Map.of("type", "dns", "value", "a.test")))), 400, "accountDoesNotExist");
    }

    @Test
    void aJwkWhereAKidBelongsIsMalformedAndAKidOnNewAccountToo() throws Exception {
        TestAcmeClient c = client();
        c.register();
        String body = c.sign(c.url("newOrder"), Map.of("identifiers", List.of()), c.nonce(), true, c.key);
        assertProblem(c.send(c.url("newOrder"), body), 400, "malformed");
        assertProblem(c.post(c.url("newAccount"), Map.of("termsOfServiceAgreed", true)), 400, "malformed");
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        TestAcmeClient c = client();
        assertProblem(c.send(c.url("newAccount"), "{\"protected\":\"" + "A".repeat(70_000) + "\"}"), 413, "malformed");
    }

    @Test
    void getOnAPostResourceIs405AndAnUnknownPathIs404() throws Exception {
        TestAcmeClient c = client();
        HttpResponse<String> get = c.get(c.url("newOrder"));
        assertProblem(get, 405, "malformed");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertProblem(c.get(VANTAGE.server().directory().resolve("/nowhere").toString()), 404, "malformed");
    }
}
