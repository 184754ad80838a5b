package dev.vantage.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.PerspectivePresets;
import dev.vantage.config.VantagePointConfig;
import dev.vantage.server.VantageServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-perspective http-01 validation through the ACME API, against a JDK HttpServer target:
 * what the client sees when a target's firewall lets some vantage points in and not others,
 * first through the simulated firewall, then over the real network path with each vantage point
 * bound to its own 127.0.0.x address and a target that itself answers only allowed sources.
 * The default perspectives are Let's Encrypt's shape: primary 192.0.2.10, remotes us-east
 * 198.51.100.20, eu-central 198.51.100.30, ap-southeast 203.0.113.40, eu-north 2001:db8::50.
 */
class PerspectivesFlowTest {
    static Target target;
    static VantageServer server;
    static HttpClient management;

    @BeforeAll
    static void start() throws IOException {
        target = new Target();
        server = VantageServer.builder().ephemeralPorts().set("validation.httpPort", String.valueOf(target.port()))
                .start();
        management = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    @AfterEach
    void resetBetweenTests() {
        server.reset();
        target.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
        target.close();
    }

    /** An http-01 target that answers the tokens it was given, only to the sources it allows (all by default). */
    static final class Target {
        final HttpServer http;
        final Map<String, String> keyAuthorizations = new ConcurrentHashMap<>();
        final List<String> sources = new CopyOnWriteArrayList<>();
        volatile Set<String> allowed;

        Target() throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            http.createContext("/.well-known/acme-challenge/", this::answer);
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        void reset() {
            allowed = null;
            sources.clear();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String source = exchange.getRemoteAddress().getAddress().getHostAddress();
            sources.add(source);
            String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
            String body = keyAuthorizations.get(token);
            Set<String> only = allowed;
            int status = body == null ? 404 : only != null && !only.contains(source) ? 403 : 200;
            byte[] bytes = status == 200 ? body.getBytes(StandardCharsets.US_ASCII) : new byte[0];
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        void close() {
            http.stop(0);
        }
    }

    /** The outcome of one http-01 challenge: the authorization after validation and the challenge token. */
    record Outcome(JsonNode authz, String token) {
        String status() {
            return authz.get("status").asText();
        }

        JsonNode error() {
            return authz.get("challenges").get(0).get("error");
        }
    }

    /** Orders {@code name}, serves the key authorization, responds to the http-01 challenge and waits. */
    static Outcome validate(String name) throws Exception {
        TestAcmeClient c = new TestAcmeClient(server.directory(), server.sslContext());
        c.register();
        JsonNode order = TestAcmeClient.json(c.post(c.url("newOrder"),
                Map.of("identifiers", List.of(Map.of("type", "dns", "value", name)))));
        String authzUrl = order.get("authorizations").get(0).asText();
        JsonNode challenge = null;
        for (JsonNode ch : TestAcmeClient.json(c.post(authzUrl, null)).get("challenges")) {
            if (ch.get("type").asText().equals("http-01")) {
                challenge = ch;
            }
        }
        String token = challenge.get("token").asText();
        target.keyAuthorizations.put(token, token + "." + c.key.computeThumbprint());
        assertEquals(200, c.post(challenge.get("url").asText(), Map.of()).statusCode());
        return new Outcome(OrderFlowTest.poll(c, authzUrl), token);
    }

    private static String dropped(String name, String token) {
        return "127.0.0.1: Fetching http://" + name + ":" + target.port() + "/.well-known/acme-challenge/" + token
                + ": Timeout during connect (likely firewall problem)";
    }

    private static HttpResponse<String> managementPost(String path, String body) throws Exception {
        return management.send(HttpRequest.newBuilder(server.management().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode managementGet(String path) throws Exception {
        return TestAcmeClient.json(management.send(HttpRequest.newBuilder(server.management().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void oneOfFourRemotesBlockedStillValidates() throws Exception {
        server.network().putRule(FirewallRule.denySources("no-us-east", List.of("one.test"), List.of("198.51.100.20")));
        Outcome outcome = validate("one.test");
        assertEquals("valid", outcome.status());
        assertEquals(4, target.sources.size(), "the blocked perspective never reached the target");
    }

    @Test
    void twoBlockedRemotesMakeTheChallengeInvalidWithTheSecondaryValidationDetail() throws Exception {
        HttpResponse<String> added = managementPost("/firewall/rules", """
                {"name": "site-allowlist", "targets": ["two.test"], "services": ["http-01"],
                 "allow": ["192.0.2.0/24", "198.51.100.0/24"], "block": "drop"}""");
        assertEquals(200, added.statusCode(), added.body());
        Outcome outcome = validate("two.test");
        assertEquals("invalid", outcome.status());
        assertEquals("urn:ietf:params:acme:error:connection", outcome.error().get("type").asText());
        assertEquals("During secondary validation: " + dropped("two.test", outcome.token()),
                outcome.error().get("detail").asText());
        assertTrue(outcome.error().path("subproblems").isMissingNode(), "Let's Encrypt shows one problem");
    }

    @Test
    void aBlockedPrimaryMakesTheChallengeInvalidWithThePrimarysOwnError() throws Exception {
        server.network().putRule(FirewallRule.denySources("no-primary", List.of(), List.of("192.0.2.10")));
        Outcome outcome = validate("primary.test");
        assertEquals("invalid", outcome.status());
        assertEquals(dropped("primary.test", outcome.token()), outcome.error().get("detail").asText());
        assertTrue(target.sources.isEmpty(), "no remote is asked after the primary failed");
    }

    @Test
    void theValidationHistoryListsEveryPerspectiveWithWhereItWouldHaveConnected() throws Exception {
        server.network().putRule(FirewallRule.denySources("no-us-east", List.of(), List.of("198.51.100.20")));
        validate("history.test");
        JsonNode attempts = managementGet("/validations?identifier=history.test");
        assertEquals(1, attempts.size());
        JsonNode perspectives = attempts.get(0).get("perspectives");
        List<String> names = new ArrayList<>();
        perspectives.forEach(p -> names.add(p.get("perspective").asText()));
        assertEquals(List.of("primary", "us-east", "eu-central", "ap-southeast", "eu-north"), names);
        JsonNode blocked = perspectives.get(1);
        assertEquals(List.of("198.51.100.20", "127.0.0.1", String.valueOf(target.port()), "failed"),
                List.of(blocked.get("sourceAddress").asText(), blocked.get("targetAddress").asText(),
                        blocked.get("port").asText(), blocked.get("outcome").asText()));
        assertEquals(1, managementGet("/validations?perspective=eu-north").size());
        assertEquals("valid", attempts.get(0).get("outcome").asText());
    }

    @Test
    void subproblemsNameEachFailedPerspectiveWhenSwitchedOn() throws Exception {
        assertEquals(200, managementPost("/perspectives", "{\"subproblems\": true}").statusCode());
        server.network().putRule(FirewallRule.denySources("eu", List.of(), List.of("198.51.100.30", "2001:db8::/32")));
        Outcome outcome = validate("subs.test");
        JsonNode subs = outcome.error().get("subproblems");
        assertEquals(2, subs.size());
        assertEquals("subs.test", subs.get(0).get("identifier").get("value").asText());
        assertEquals("eu-central (RIPE, 198.51.100.30): " + dropped("subs.test", outcome.token()),
                subs.get(0).get("detail").asText());
        assertTrue(subs.get(1).get("detail").asText().startsWith("eu-north (RIPE, 2001:db8::50): "));
    }

    /** The le preset with each vantage point bound to 127.0.0.2, .3, … (Linux routes all of 127/8 to loopback). */
    private static void bindEachPointToItsOwnLoopbackAddress() {
        List<VantagePointConfig> points = new ArrayList<>();
        List<VantagePointConfig> preset = PerspectivePresets.get("le").orElseThrow();
        for (int i = 0; i < preset.size(); i++) {
            points.add(preset.get(i).withBindAddress("127.0.0." + (i + 2)));
        }
        server.network().setPerspectives(server.network().perspectives().withPoints(points));
    }

    @Test
    void overTheRealNetworkPathATargetThatRefusesOneRemoteStillValidates() throws Exception {
        bindEachPointToItsOwnLoopbackAddress();
        target.allowed = Set.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
        Outcome outcome = validate("real-one.test");
        assertEquals("valid", outcome.status());
        assertEquals(Set.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"), Set.copyOf(target.sources));
    }

    @Test
    void overTheRealNetworkPathATargetThatRefusesTwoRemotesFailsTheChallenge() throws Exception {
        bindEachPointToItsOwnLoopbackAddress();
        target.allowed = Set.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
        Outcome outcome = validate("real-two.test");
        assertEquals("invalid", outcome.status());
        assertEquals("During secondary validation: 127.0.0.1: Invalid response from http://real-two.test:" + target.port()
                + "/.well-known/acme-challenge/" + outcome.token() + ": 403", outcome.error().get("detail").asText());
    }

    @Test
    void overTheRealNetworkPathATargetThatRefusesThePrimaryFailsWithThePrimarysError() throws Exception {
        bindEachPointToItsOwnLoopbackAddress();
        target.allowed = Set.of("127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6");
        Outcome outcome = validate("real-primary.test");
        assertEquals("invalid", outcome.status());
        String detail = outcome.error().get("detail").asText();
        assertFalse(detail.startsWith("During secondary validation"), detail);
        assertTrue(detail.endsWith(": 403"), detail);
        assertEquals(List.of("127.0.0.2"), target.sources);
    }

    @Test
    void theSingleVantagePointPresetValidatesLikePebble() throws Exception {
        HttpResponse<String> r = managementPost("/perspectives/preset", "{\"name\": \"single\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("valid", validate("single.test").status());
        assertEquals(1, target.sources.size());
    }
}
