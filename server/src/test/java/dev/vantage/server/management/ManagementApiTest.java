package dev.vantage.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import dev.vantage.server.junit.VantageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The management API's routes and how it answers bad input (400 with a message, never 500). */
class ManagementApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().build();

    static HttpClient http() {
        return HttpClient.newBuilder().sslContext(VANTAGE.server().sslContext()).build();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http().send(HttpRequest.newBuilder(VANTAGE.server().management().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http().send(HttpRequest.newBuilder(VANTAGE.server().management().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void caMaterialIsServedUnderPebblesRoutes() throws Exception {
        assertTrue(get("/roots/0").body().startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(get("/intermediates/0").body().startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(get("/root-keys/0").body().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(VANTAGE.server().trustPem(), get("/tls-ca").body());
        assertEquals(404, get("/roots/7").statusCode());
        assertEquals(400, get("/roots/x").statusCode());
        assertEquals(404, get("/cert-status-by-serial/abcdef").statusCode());
        assertEquals(400, get("/cert-status-by-serial/xyz").statusCode());
    }

    @Test
    void aRefusedSettingLeavesEverythingAsItWasAndTheRoutesKeepWorking() throws Exception {
        assertEquals(400, post("/reuse", "{\"cutoff\": \"P999999999999D\"}").statusCode());
        assertEquals(200, get("/reuse").statusCode());
        assertEquals(400, post("/clock/advance", "{\"by\": \"P99999999999999D\"}").statusCode());
        assertEquals(200, get("/clock").statusCode());
        assertTrue(VANTAGE.server().clock().offset().abs().compareTo(Duration.ofSeconds(1)) < 0);
        JsonNode back = JSON.readTree(post("/clock/advance", "{\"by\": \"-1d\"}").body());
        assertTrue(Instant.parse(back.get("now").asText()).isBefore(Instant.now().minus(Duration.ofHours(23))),
                "a short negative duration moves the clock back");
        VANTAGE.server().clock().reset();
    }

    @Test
    void theClockMovesAndCanBeSetAndReset() throws Exception {
        Instant before = VANTAGE.server().clock().instant();
        JsonNode moved = JSON.readTree(post("/clock/advance", "{\"by\": \"30d\"}").body());
        assertTrue(Instant.parse(moved.get("now").asText()).isAfter(before.plus(Duration.ofDays(29))));
        JsonNode set = JSON.readTree(post("/clock/set", "{\"now\": \"2030-01-01T00:00:00Z\"}").body());
        assertTrue(set.get("now").asText().startsWith("2030-01-01T00:00"));
        post("/clock/reset", "");
        assertTrue(VANTAGE.server().clock().offset().abs().compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void aProfilesReuseWindowChangesAtRuntimeAndANewProfileNeedsAPreset() throws Exception {
        HttpResponse<String> r = post("/profiles/classic", "{\"validAuthzLifetime\": \"7h\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Duration.ofHours(7), VANTAGE.server().profiles().get("classic").validAuthzLifetime());
        assertEquals(200, post("/profiles/classic", "{\"preset\": \"classic-2027\"}").statusCode());
        assertEquals(Duration.ofDays(10), VANTAGE.server().profiles().get("classic").validAuthzLifetime(),
                "a preset replaces an existing profile's values");
        assertEquals(200, post("/profiles/mine", "{\"preset\": \"pebble\", \"default\": true}").statusCode());
        assertEquals("mine", VANTAGE.server().profiles().defaultName());
        VANTAGE.server().reset();
        assertEquals(Duration.ofDays(30), VANTAGE.server().profiles().get("classic").validAuthzLifetime());
        assertEquals("classic", VANTAGE.server().profiles().defaultName());
    }

    @Test
    void reuseSwitchesChangeAtRuntime() throws Exception {
        JsonNode r = JSON.readTree(post("/reuse", "{\"randomPercent\": 50, \"cutoff\": \"2h\"}").body());
        assertEquals(50, r.get("randomPercent").asInt());
        assertEquals(Duration.ofHours(2), VANTAGE.server().reuse().config().cutoff());
        VANTAGE.server().reset();
        assertEquals(null, VANTAGE.server().reuse().config().cutoff());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("a clock advance without a duration", "/clock/advance", "{}", 400, "by"),
                Arguments.of("a clock advance by nonsense", "/clock/advance", "{\"by\": \"soon\"}", 400, "soon"),
                Arguments.of("a clock set to a non-time", "/clock/set", "{\"now\": \"tomorrow\"}", 400, "tomorrow"),
                Arguments.of("a body that is not JSON", "/clock/advance", "{by:", 400, "JSON"),
                Arguments.of("a negative reuse window", "/profiles/classic", "{\"validAuthzLifetime\": \"-P1D\"}", 400,
                        "profiles.classic.validAuthzLifetime"),
                Arguments.of("an unknown profile member", "/profiles/classic", "{\"colour\": \"blue\"}", 400, "colour"),
                Arguments.of("a new profile without a preset", "/profiles/gold", "{}", 400, "preset"),
                Arguments.of("an unknown preset", "/profiles/gold", "{\"preset\": \"platinum\"}", 400, "platinum"),
                Arguments.of("a reuse percentage above 100", "/reuse", "{\"randomPercent\": 101}", 400, "randomPercent"),
                Arguments.of("a TXT record without a host", "/set-txt", "{\"value\": \"x\"}", 400, "host"),
                Arguments.of("an A record that is not an address", "/add-a",
                        "{\"host\": \"a.test.\", \"addresses\": [\"999.1.1.1\"]}", 400, "999.1.1.1"),
                Arguments.of("a CAA record with a bad tag", "/add-caa",
                        "{\"host\": \"a.test.\", \"policies\": [{\"tag\": \"is sue\", \"value\": \"x\"}]}", 400, "tag"),
                Arguments.of("flushing with an unknown status", "/authorizations/flush", "{\"status\": \"done\"}", 400,
                        "done"),
                Arguments.of("deactivating an unknown authorization", "/authorizations/nope/deactivate", "", 404, "nope"),
                Arguments.of("an unknown route", "/nowhere", "", 404, "nowhere"),
                Arguments.of("a clock advance beyond 100 years", "/clock/advance", "{\"by\": \"P99999999999999D\"}",
                        400, "100 years"),
                Arguments.of("a reuse cutoff beyond 100 years", "/reuse", "{\"cutoff\": \"P999999999999D\"}", 400,
                        "100 years"),
                Arguments.of("a certificate validity beyond 100 years", "/profiles/classic",
                        "{\"certificateValidity\": \"P999999999D\"}", 400, "100 years"),
                Arguments.of("a clock set to year 9999", "/clock/set", "{\"now\": \"9999-12-30T00:00:00Z\"}", 400,
                        "100 years"),
                Arguments.of("an unknown member", "/faults", "{\"bogus\": 1}", 400, "bogus"),
                Arguments.of("a number where text belongs", "/set-txt", "{\"host\": 5, \"value\": \"x\"}", 400, "host"),
                Arguments.of("default that is not a boolean", "/profiles/classic", "{\"default\": \"yes\"}", 400,
                        "default"),
                Arguments.of("a profile name with a space", "/profiles/my%20profile", "{\"preset\": \"classic\"}", 400,
                        "profile name"),
                Arguments.of("a TXT value longer than a DNS answer holds", "/set-txt",
                        "{\"host\": \"a.test.\", \"value\": \"" + "x".repeat(2000) + "\"}", 400, "longer than"),
                Arguments.of("a host name with a space", "/add-a",
                        "{\"host\": \"a b.test.\", \"addresses\": [\"127.0.0.1\"]}", 400, "a b.test"));
    }

    @ParameterizedTest(name = "{0} is refused with a message")
    @MethodSource("badInput")
    void badInputIsRefusedWithAClearMessage(String name, String path, String body, int status, String mentioned)
            throws Exception {
        HttpResponse<String> r = post(path, body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains(mentioned), r.body());
        assertTrue(!r.body().contains("Exception"), r.body());
    }

    @Test
    void challtestsrvRoutesChangeWhatTheDnsServerAnswers() throws Exception {
        assertEquals(200, post("/set-txt", "{\"host\": \"_acme-challenge.m.test.\", \"value\": \"abc\"}").statusCode());
        assertEquals(200, post("/clear-txt", "{\"host\": \"_acme-challenge.m.test.\"}").statusCode());
        assertEquals(200, post("/set-default-ipv4", "{\"ip\": \"127.0.0.2\"}").statusCode());
        assertEquals(200, post("/add-a", "{\"host\": \"m.test.\", \"addresses\": [\"127.0.0.3\"]}").statusCode());
        assertEquals(200, post("/set-cname", "{\"host\": \"c.test.\", \"target\": \"m.test.\"}").statusCode());
        assertEquals(200, post("/set-servfail", "{\"host\": \"sf.test.\"}").statusCode());
        assertEquals(200, post("/dns-request-history", "{\"host\": \"m.test.\"}").statusCode());
        VANTAGE.server().reset();
    }
}
