package dev.vantage.server.http;

import static dev.vantage.server.http.JwsRulesTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an adversarial review found, kept fixed: concurrent finalization issues once, stalled
 * request bodies do not starve the server, and odd but well-formed input is a 4xx problem.
 */
class RobustnessTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().build();

    static VantageServer server() {
        return VANTAGE.server();
    }

    @Test
    void concurrentFinalizeRequestsIssueExactlyOneCertificate() throws Exception {
        TestAcmeClient c = OrderFlowTest.registeredOn(server());
        JsonNode order = TestAcmeClient.json(OrderFlowTest.newOrder(c, "race.test"));
        OrderFlowTest.solveDns01(server(), c, order.get("authorizations").get(0).asText());
        String finalizeUrl = order.get("finalize").asText();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // signed beforehand, so the requests really arrive together
            bodies.add(c.sign(finalizeUrl, Map.of("csr", Csrs.base64url(Csrs.csr(Csrs.ecKey(), "race.test"))),
                    c.nonce(), false, c.key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> c.send(finalizeUrl, body)));
            }
            int issued = 0;
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                if (r.statusCode() == 200) {
                    issued++;
                } else {
                    assertProblem(r, 403, "orderNotReady");
                }
            }
            assertEquals(1, issued, "exactly one finalize request issued");
            assertEquals(1, dev.vantage.server.TestAccess.store(server()).certificates(x -> true).size(), "and one certificate exists");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void connectionsThatStallMidBodyDoNotStarveTheServer() throws Exception {
        List<SSLSocket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) { // more than the listener has worker threads
                SSLSocket s = (SSLSocket) server().sslContext().getSocketFactory()
                        .createSocket("127.0.0.1", server().acmePort());
                OutputStream out = s.getOutputStream();
                out.write(("POST /new-order HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose+json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"protected\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            TestAcmeClient c = new TestAcmeClient(server().directory(), server().sslContext());
            assertEquals(200, c.get(server().directory().toString()).statusCode(), "the directory still answers");
            assertEquals(201, c.register().statusCode(), "and signed requests still work");
        } finally {
            for (SSLSocket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void oddButWellFormedInputIsAProblemNotAServerError() throws Exception {
        TestAcmeClient c = OrderFlowTest.registeredOn(server());
        String body = c.sign(c.url("newOrder"), Map.of("identifiers", List.of()), c.nonce(), false, c.key);
        assertProblem(c.sendRaw(c.url("newOrder"), body, ";;;;"), 415, "malformed");
        assertEquals(200, c.post(c.kid + "/orders?cursor=2147483647", null).statusCode(), "a page past the end is empty");
        JsonNode order = TestAcmeClient.json(OrderFlowTest.newOrder(c, "odd.test"));
        String authz = order.get("authorizations").get(0).asText();
        String challenge = authz.replace("/authz/", "/chall/") + "/http-01";
        assertProblem(c.post(challenge, "\"not an object\""), 400, "malformed");
        assertEquals("pending", TestAcmeClient.json(c.post(authz, null)).get("status").asText(), "nothing started");
    }

    @Test
    void ipIdentifiersAreReadStrictlyAndKeptInCanonicalForm() throws Exception {
        TestAcmeClient c = OrderFlowTest.registeredOn(server());
        HttpResponse<String> zeros = c.post(c.url("newOrder"), Map.of("profile", "shortlived",
                "identifiers", List.of(Map.of("type", "ip", "value", "192.0.2.01"))));
        assertProblem(zeros, 400, "rejectedIdentifier");
        HttpResponse<String> forms = c.post(c.url("newOrder"), Map.of("profile", "shortlived", "identifiers", List.of(
                Map.of("type", "ip", "value", "2001:db8::9"), Map.of("type", "ip", "value", "2001:0db8::9"),
                Map.of("type", "ip", "value", "2001:DB8:0:0:0:0:0:9"))));
        assertEquals(201, forms.statusCode(), forms.body());
        JsonNode ids = TestAcmeClient.json(forms).get("identifiers");
        assertEquals(1, ids.size(), "three spellings of one address are one identifier");
        assertEquals("2001:db8::9", ids.get(0).get("value").asText());
        assertTrue(TestAcmeClient.json(forms).get("authorizations").size() == 1);
    }
}
