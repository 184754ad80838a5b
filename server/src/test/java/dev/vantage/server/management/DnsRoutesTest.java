package dev.vantage.server.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.server.VantageServer;
import dev.vantage.validator.dns.DnsRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native DNS routes (views, NXDOMAIN, the listing) on the management API, and the optional
 * plain-HTTP listener that serves exactly pebble-challtestsrv's DNS routes.
 */
class DnsRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static VantageServer server;
    static HttpClient https;
    static HttpClient plain = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = VantageServer.builder().ephemeralPorts().set("dns.challtestsrvPort", "0").start();
        https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(HttpClient client, URI uri, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return send(https, server.management().resolve(path), body);
    }

    static HttpResponse<String> challtestsrv(String path, String body) throws Exception {
        return send(plain, URI.create("http://127.0.0.1:" + server.challtestsrvPort() + path), body);
    }

    static JsonNode records() throws Exception {
        return JSON.readTree(send(https, server.management().resolve("/dns/records"), null).body());
    }

    @Test
    void aViewRouteChangesOnlyWhatItsVantagePointSees() throws Exception {
        assertEquals(200, post("/set-txt", "{\"host\": \"_acme-challenge.v.test.\", \"value\": \"right\"}").statusCode());
        HttpResponse<String> r = post("/dns/views/us-east/set-txt",
                "{\"host\": \"_acme-challenge.v.test.\", \"value\": \"stale\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, post("/dns/views/eu-north/clear-txt", "{\"host\": \"_acme-challenge.v.test\"}").statusCode());
        assertEquals(200, post("/dns/views/ap-southeast/add-caa",
                "{\"host\": \"v.test\", \"policies\": [{\"flags\": 128, \"tag\": \"tbs\", \"value\": \"x\"}]}").statusCode());
        JsonNode all = records();
        assertEquals("[\"right\"]", all.get("names").get("_acme-challenge.v.test").get("txt").toString());
        JsonNode views = all.get("views");
        assertEquals("[\"stale\"]", views.get("us-east").get("names").get("_acme-challenge.v.test").get("txt").toString());
        assertEquals("[]", views.get("eu-north").get("names").get("_acme-challenge.v.test").get("txt").toString());
        assertEquals("{\"flags\":128,\"tag\":\"tbs\",\"value\":\"x\"}",
                views.get("ap-southeast").get("names").get("v.test").get("caa").get(0).toString());
        assertEquals(List.of("stale"), server.dns().view("us-east").listing().names().get("_acme-challenge.v.test").txt());
    }

    @Test
    void droppingAViewAndResettingForgetIt() throws Exception {
        post("/dns/views/us-east/set-nxdomain", "{\"host\": \"gone.test\"}");
        post("/dns/views/eu-central/set-servfail", "{\"host\": \"sf.test\"}");
        assertEquals(200, post("/dns/views/us-east/clear", "").statusCode());
        assertEquals(List.of("eu-central"), List.copyOf(server.dns().views()));
        server.reset();
        assertEquals(0, records().get("views").size());
    }

    @Test
    void nxdomainIsANativeRouteOnTheSharedRecords() throws Exception {
        assertEquals(200, post("/set-nxdomain", "{\"host\": \"gone.test.\"}").statusCode());
        assertEquals(true, records().get("names").get("gone.test").get("nxdomain").asBoolean());
        assertEquals(200, post("/clear-nxdomain", "{\"host\": \"gone.test\"}").statusCode());
        assertTrue(records().get("names").path("gone.test").isMissingNode());
    }

    @Test
    void theListingShowsTheDefaultsAndCaaFlags() throws Exception {
        server.dns().addCaa("c.test", List.of(new DnsRecords.CaaPolicy("issue", "vantage.test")));
        JsonNode all = records();
        assertEquals("127.0.0.1", all.get("defaultIpv4").asText());
        assertEquals("", all.get("defaultIpv6").asText());
        assertEquals("{\"flags\":0,\"tag\":\"issue\",\"value\":\"vantage.test\"}",
                all.get("names").get("c.test").get("caa").get(0).toString());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("a view of a vantage point that does not exist", "/dns/views/mars/set-txt",
                        "{\"host\": \"x.test\", \"value\": \"v\"}", 404, "no vantage point named \\\"mars\\\"; known: ["
                                + "primary, us-east, eu-central, ap-southeast, eu-north]"),
                Arguments.of("a view route without a host", "/dns/views/us-east/set-txt", "{\"value\": \"v\"}", 400,
                        "missing \\\"host\\\""),
                Arguments.of("a CNAME without a target", "/set-cname", "{\"host\": \"x.test\"}", 400,
                        "missing \\\"target\\\""),
                Arguments.of("CAA flags beyond an octet", "/add-caa",
                        "{\"host\": \"x.test\", \"policies\": [{\"flags\": 300, \"tag\": \"issue\", \"value\": \"ca\"}]}",
                        400, "CAA flags 300"),
                Arguments.of("a CAA record without policies", "/add-caa", "{\"host\": \"x.test\"}", 400,
                        "no CAA policies given for x.test"),
                Arguments.of("an NXDOMAIN without a host", "/set-nxdomain", "{}", 400, "missing \\\"host\\\""),
                Arguments.of("an unknown view route", "/dns/views/us-east/set-everything", "{}", 404, "no management route"));
    }

    @ParameterizedTest(name = "{0} is refused with a message")
    @MethodSource("badInput")
    void badInputIsRefusedWithAMessageNamingWhatWasWrong(String name, String path, String body, int status,
                                                          String mentioned) throws Exception {
        HttpResponse<String> r = post(path, body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains(mentioned), r.body());
    }

    @Test
    void theChalltestsrvListenerServesChalltestsrvsDnsRoutesOverPlainHttp() throws Exception {
        assertTrue(server.challtestsrvPort() > 0);
        HttpResponse<String> set = challtestsrv("/set-txt", "{\"host\": \"_acme-challenge.ct.test.\", \"value\": \"v\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(List.of("v"), server.dns().listing().names().get("_acme-challenge.ct.test").txt());
        assertEquals(200, challtestsrv("/add-caa", "{\"host\": \"ct.test.\", \"policies\": "
                + "[{\"tag\": \"issue\", \"value\": \"vantage.test\"}]}").statusCode());
        assertEquals(200, challtestsrv("/dns-request-history", "{\"host\": \"ct.test.\"}").statusCode());
        assertEquals(200, challtestsrv("/clear-request-history", "{\"host\": \"ct.test.\"}").statusCode());
        assertEquals(400, challtestsrv("/set-servfail", "{}").statusCode());
    }

    @Test
    void theChalltestsrvListenerServesNothingElse() throws Exception {
        for (String path : List.of("/set-nxdomain", "/dns/views/us-east/set-txt", "/reset", "/clock/advance")) {
            assertEquals(404, challtestsrv(path, "{\"host\": \"x.test\"}").statusCode(), path);
        }
        assertEquals(404, challtestsrv("/dns/records", null).statusCode());
    }
}
