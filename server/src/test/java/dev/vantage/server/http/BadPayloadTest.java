package dev.vantage.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.vantage.server.junit.VantageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Correctly signed requests whose payloads have the wrong shape, sent to every resource: each is
 * a 4xx problem document, never a 500 and never a stack trace.
 */
class BadPayloadTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().build();

    static final List<String> PAYLOADS = List.of("", "{}", "[]", "null", "42", "\"text\"", "{\"identifiers\": \"x\"}",
            "{\"identifiers\": [5]}", "{\"identifiers\": [{\"type\": 5}]}", "{\"identifiers\": [{}]}",
            "{\"contact\": 5}", "{\"contact\": [5]}", "{\"status\": 5}", "{\"status\": \"valid\"}",
            "{\"csr\": 5}", "{\"csr\": \"\"}", "{\"certificate\": \"AAAA\", \"reason\": \"one\"}",
            "{\"certificate\": 5}", "{\"profile\": 5, \"identifiers\": []}", "{\"account\": 5, \"oldKey\": 5}",
            "{\"externalAccountBinding\": 5, \"termsOfServiceAgreed\": true}",
            "{\"externalAccountBinding\": {\"protected\": 1}, \"termsOfServiceAgreed\": true}",
            "{\"onlyReturnExisting\": \"yes\"}", "{" + "\"a\":".repeat(1) + "{}".repeat(1) + "}",
            "\u0000\u0001", "{\"identifiers\": [{\"type\": \"dns\", \"value\": \"" + "a".repeat(300) + ".test\"}]}",
            "{\"identifiers\": [{\"type\": \"ip\", \"value\": \"::ffff:1.2.3.4\"}]}",
            "{\"identifiers\": [null]}", "{\"identifiers\": [{\"type\": \"ip\", \"value\": \"192.0.2.01\"}]}",
            "{\"reason\": \"1\", \"certificate\": \"AAAA\"}", "{\"profile\": true}", "{\"a\": 1, \"a\": 2}");

    @Test
    void noPayloadToAnyResourceGetsAServerError() throws Exception {
        TestAcmeClient c = new TestAcmeClient(VANTAGE.server().directory(), VANTAGE.server().sslContext());
        c.register();
        JsonNode order = TestAcmeClient.json(c.post(c.url("newOrder"), Map.of("identifiers",
                List.of(Map.of("type", "dns", "value", "bad.test")))));
        String authz = order.get("authorizations").get(0).asText();
        String orderUrl = order.get("finalize").asText().replace("/finalize", "");
        List<String> urls = List.of(c.url("newOrder"), c.url("revokeCert"), c.url("keyChange"), c.kid,
                c.kid + "/orders", orderUrl, order.get("finalize").asText(), authz,
                authz.replace("/authz/", "/chall/") + "/http-01", authz.replace("/authz/", "/chall/") + "/nope",
                c.directory.get("newOrder").asText().replace("new-order", "cert/nope"));
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            for (String payload : PAYLOADS) {
                HttpResponse<String> r = c.post(url, payload.isEmpty() ? null : payload);
                boolean ok = r.statusCode() < 500 && !r.body().contains("Exception") && !r.body().contains("\tat ");
                if (!ok) {
                    failures.add(r.statusCode() + " " + url + " " + payload + " -> " + r.body());
                }
            }
        }
        TestAcmeClient fresh = new TestAcmeClient(VANTAGE.server().directory(), VANTAGE.server().sslContext());
        for (String payload : PAYLOADS) {
            HttpResponse<String> r = fresh.post(fresh.url("newAccount"), payload.isEmpty() ? null : payload);
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " newAccount " + payload + " -> " + r.body());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
