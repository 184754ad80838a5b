package dev.vantage.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.config.BlockMode;
import dev.vantage.config.FirewallService;
import dev.vantage.config.QuorumMode;
import dev.vantage.config.VantagePointConfig;
import dev.vantage.server.VantageServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The perspective and firewall routes: what they change through the Java API, and how they refuse bad input. */
class NetworkRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALLOWLIST = """
            {"name": "site-allowlist", "targets": ["site.test"], "services": ["http-01"],
             "allow": ["203.0.113.0/24"], "block": "drop"}""";
    static VantageServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = VantageServer.builder().ephemeralPorts().start();
        http = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.management().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.management().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    @Test
    void thePerspectivesInForceAreListedInFull() throws Exception {
        JsonNode view = ok(get("/perspectives"));
        assertEquals("le", view.get("preset").asText());
        assertEquals(List.of("primary", "us-east", "eu-central", "ap-southeast", "eu-north"), names(view.get("points")));
        assertTrue(view.get("points").get(0).get("primary").asBoolean());
        assertEquals("br", view.get("quorum").get("mode").asText());
        assertEquals("20s", view.get("timeout").asText());
        assertEquals(List.of("single", "le-2020", "le", "br-2026-12"),
                JSON.convertValue(view.get("presets"), List.class));
    }

    @Test
    void aPresetReplacesThePointsAndAResetBringsTheConfiguredOnesBack() throws Exception {
        assertEquals(6, ok(post("/perspectives/preset", "{\"name\": \"br-2026-12\"}")).get("points").size());
        assertEquals(6, server.network().points().size());
        assertEquals(5, ok(post("/perspectives/reset", "")).get("points").size());
        ok(post("/perspectives/preset", "{\"name\": \"single\"}"));
        ok(post("/reset", ""));
        assertEquals("le", server.network().perspectives().preset());
    }

    @Test
    void onePointChangesWithoutRestatingTheOthers() throws Exception {
        ok(post("/perspectives/points/eu-central", "{\"enabled\": false, \"latency\": \"2s\", \"forcedFailure\": \"dns\"}"));
        VantagePointConfig p = server.network().points().get(2);
        assertEquals(List.of("eu-central", false, Duration.ofSeconds(2), "dns"),
                List.of(p.name(), p.enabled(), p.latency(), p.forcedFailure()));
        assertEquals(5, server.network().points().size());
        ok(post("/perspectives", "{\"preset\": \"le\"}"));
        assertTrue(server.network().points().get(2).enabled(), "naming a preset drops explicit points");
    }

    @Test
    void quorumOrderAndSubproblemsChangeAtRuntime() throws Exception {
        ok(post("/perspectives", """
                {"quorum": {"mode": "log-only"}, "concurrent": true, "subproblems": true, "timeout": "3s"}"""));
        var c = server.network().perspectives();
        assertEquals(List.of(QuorumMode.LOG_ONLY, true, true, Duration.ofSeconds(3)),
                List.of(c.quorum().mode(), c.concurrent(), c.subproblems(), c.timeout()));
        assertEquals(5, c.effectivePoints().size(), "the points stay");
    }

    @Test
    void rulesAreAddedListedReplacedAndRemoved() throws Exception {
        assertEquals(List.of("site-allowlist"), names(ok(post("/firewall/rules", ALLOWLIST))));
        JsonNode rule = ok(get("/firewall/rules/site-allowlist"));
        assertEquals(List.of("203.0.113.0/24"), JSON.convertValue(rule.get("allow"), List.class));
        assertEquals(FirewallService.HTTP_01, server.network().rules().get(0).services().get(0));
        ok(post("/firewall/rules", "{\"name\": \"no-eu\", \"deny\": [\"198.51.100.30\"], \"block\": \"reject\"}"));
        ok(post("/firewall/rules", ALLOWLIST.replace("drop", "reject")));
        assertEquals(List.of("site-allowlist", "no-eu"), names(ok(get("/firewall/rules"))), "replaced in place");
        assertEquals(BlockMode.REJECT, server.network().rules().get(0).block());
        assertEquals(List.of("no-eu"), names(ok(post("/firewall/rules/site-allowlist/delete", ""))));
        assertEquals(404, post("/firewall/rules/site-allowlist/delete", "").statusCode());
        assertEquals(404, get("/firewall/rules/site-allowlist").statusCode());
    }

    @Test
    void theWholeFirewallIsReplacedClearedAndReset() throws Exception {
        JsonNode all = ok(post("/firewall", "{\"rules\": [" + ALLOWLIST + ", {\"name\": \"b\", \"deny\": [\"::/0\"]}]}"));
        assertEquals(List.of("site-allowlist", "b"), names(all.get("rules")));
        assertEquals(2, ok(get("/firewall")).get("rules").size());
        assertEquals(0, ok(post("/firewall/clear", "")).size());
        ok(post("/firewall/rules", ALLOWLIST));
        assertEquals(0, ok(post("/firewall/reset", "")).size(), "the configuration has no rules");
        ok(post("/firewall/rules", ALLOWLIST));
        ok(post("/reset", ""));
        assertTrue(server.network().rules().isEmpty());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("a rule with a host name as a source block", "/firewall/rules",
                        "{\"name\": \"r\", \"allow\": [\"eu.test\"]}", 400, "rule.allow.0"),
                Arguments.of("a rule with host bits in its block", "/firewall/rules",
                        "{\"name\": \"r\", \"deny\": [\"203.0.113.9/24\"]}", 400, "203.0.113.0/24"),
                Arguments.of("a rule that neither allows nor denies", "/firewall/rules", "{\"name\": \"r\"}", 400,
                        "rule.allow"),
                Arguments.of("a rule with an unknown block mode", "/firewall/rules",
                        "{\"name\": \"r\", \"deny\": [\"::/0\"], \"block\": \"ignore\"}", 400, "ignore"),
                Arguments.of("a rule with a misspelt member", "/firewall/rules",
                        "{\"name\": \"r\", \"alow\": [\"::/0\"]}", 400, "alow"),
                Arguments.of("a rule whose name cannot go in a URL", "/firewall/rules",
                        "{\"name\": \"a b\", \"deny\": [\"::/0\"]}", 400, "rule.name"),
                Arguments.of("two rules with one name", "/firewall",
                        "{\"rules\": [" + ALLOWLIST + ", " + ALLOWLIST + "]}", 400, "firewall.rules.1.name"),
                Arguments.of("deleting a rule that does not exist", "/firewall/rules/nope/delete", "", 404, "nope"),
                Arguments.of("an unknown preset", "/perspectives/preset", "{\"name\": \"gold\"}", 400, "gold"),
                Arguments.of("a preset without a name", "/perspectives/preset", "{}", 400, "name"),
                Arguments.of("an unknown forced failure", "/perspectives/points/eu-central",
                        "{\"forcedFailure\": \"boom\"}", 400, "perspectives.points.eu-central.forcedFailure"),
                Arguments.of("a point that does not exist", "/perspectives/points/mars", "{\"enabled\": false}", 404,
                        "mars"),
                Arguments.of("disabling the primary", "/perspectives/points/primary", "{\"enabled\": false}", 400,
                        "cannot be disabled"),
                Arguments.of("a timeout that is not a duration", "/perspectives", "{\"timeout\": \"soon\"}", 400, "soon"),
                Arguments.of("an unknown quorum mode", "/perspectives", "{\"quorum\": {\"mode\": \"most\"}}", 400,
                        "perspectives.quorum.mode"));
    }

    @ParameterizedTest(name = "{0} is refused with a message")
    @MethodSource("badInput")
    void badInputIsRefusedAndChangesNothing(String name, String path, String body, int status, String mentioned)
            throws Exception {
        String before = get("/perspectives").body() + get("/firewall").body();
        HttpResponse<String> r = post(path, body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains(mentioned), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals(before, get("/perspectives").body() + get("/firewall").body());
    }
}
