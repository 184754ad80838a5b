package dev.vantage.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Split-horizon DNS through the ACME API with Let's Encrypt's shape (the {@code le} preset:
 * primary plus us-east, eu-central, ap-southeast and eu-north, one remote failure allowed): the
 * shared records hold the right dns-01 value, and views set through the management API give some
 * remotes a different one.
 */
class SplitHorizonFlowTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().set("perspectives.preset", "le")
            .resetBetweenTests().build();

    private static VantageServer server() {
        return VANTAGE.server();
    }

    private static HttpResponse<String> management(String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server().management().resolve(path));
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().sslContext(server().sslContext()).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Gives each named remote its own TXT value at the name's dns-01 label. */
    private static void otherValueFor(String name, String... perspectives) throws Exception {
        for (String perspective : perspectives) {
            HttpResponse<String> r = management("/dns/views/" + perspective + "/set-txt",
                    "{\"host\": \"_acme-challenge." + name + ".\", \"value\": \"from-another-zone\"}");
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    private static JsonNode validate(String name) throws Exception {
        TestAcmeClient c = OrderFlowTest.registeredOn(server());
        JsonNode order = TestAcmeClient.json(OrderFlowTest.newOrder(c, name));
        return OrderFlowTest.solveDns01(server(), c, order.get("authorizations").get(0).asText());
    }

    private static JsonNode dns01Error(JsonNode authz) {
        for (JsonNode challenge : authz.get("challenges")) {
            if (challenge.get("type").asText().equals("dns-01")) {
                return challenge.get("error");
            }
        }
        throw new AssertionError("no dns-01 challenge in " + authz);
    }

    @Test
    void oneRemoteThatSeesAnotherTxtValueIsWithinTheQuorum() throws Exception {
        otherValueFor("split-one.test", "ap-southeast");
        assertEquals("valid", validate("split-one.test").get("status").asText());
        JsonNode attempt = TestAcmeClient.json(management("/validations?identifier=split-one.test", null)).get(0);
        assertEquals("failed", attempt.get("perspectives").get(3).get("outcome").asText());
        assertEquals("Incorrect TXT record \"from-another-zone\" found at _acme-challenge.split-one.test",
                attempt.get("perspectives").get(3).get("problem").get("detail").asText());
    }

    @Test
    void twoRemotesThatSeeAnotherTxtValueFailWithTheSecondaryValidationDetail() throws Exception {
        otherValueFor("split-two.test", "us-east", "eu-north");
        JsonNode authz = validate("split-two.test");
        assertEquals("invalid", authz.get("status").asText());
        assertEquals("urn:ietf:params:acme:error:unauthorized", dns01Error(authz).get("type").asText());
        assertEquals("During secondary validation: Incorrect TXT record \"from-another-zone\" found at "
                + "_acme-challenge.split-two.test", dns01Error(authz).get("detail").asText());
    }

    @Test
    void theDnsHistoryShowsWhichVantagePointAsked() throws Exception {
        validate("asked.test");
        JsonNode queries = TestAcmeClient.json(management("/dns-request-history",
                "{\"host\": \"_acme-challenge.asked.test.\"}"));
        Set<String> perspectives = new TreeSet<>();
        queries.forEach(q -> perspectives.add(q.get("perspective").asText()));
        assertEquals(new TreeSet<>(Set.of("primary", "us-east", "eu-central", "ap-southeast", "eu-north")), perspectives);
    }
}
