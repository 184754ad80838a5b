package dev.vantage.server.http;

import static dev.vantage.server.http.JwsRulesTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import dev.vantage.validator.dns.DnsRecords.CaaPolicy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CAA through the ACME API: checked after each challenge from every perspective (the default le
 * preset), and again at finalize once the authorization is older than
 * {@code validation.caaRecheckAfter} (7 hours). This CA is {@code vantage.test}.
 */
class CaaFlowTest {
    private static final Duration WINDOW = Duration.ofHours(7);

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder().resetBetweenTests().build();

    private static VantageServer server() {
        return VANTAGE.server();
    }

    private static void caa(String host, String tag, String value) {
        server().dns().addCaa(host, List.of(new CaaPolicy(tag, value)));
    }

    /** A registered client's order for {@code names}, its authorizations solved by dns-01. */
    record Solved(TestAcmeClient client, JsonNode order, String orderUrl, List<JsonNode> authzs) {
        /** The first authorization's dns-01 error. */
        JsonNode error() {
            for (JsonNode challenge : authzs.get(0).get("challenges")) {
                if (challenge.get("type").asText().equals("dns-01")) {
                    return challenge.get("error");
                }
            }
            throw new AssertionError("no dns-01 challenge in " + authzs.get(0));
        }

        HttpResponse<String> finalizeOrder(String... names) throws Exception {
            return client.post(order.get("finalize").asText(),
                    Map.of("csr", Csrs.base64url(Csrs.csr(Csrs.ecKey(), names))));
        }

        JsonNode current() throws Exception {
            return TestAcmeClient.json(client.post(orderUrl, null));
        }
    }

    private static Solved solve(TestAcmeClient c, String... names) throws Exception {
        HttpResponse<String> created = OrderFlowTest.newOrder(c, names);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode order = TestAcmeClient.json(created);
        List<JsonNode> authzs = new java.util.ArrayList<>();
        for (JsonNode url : order.get("authorizations")) {
            authzs.add(OrderFlowTest.solveDns01(server(), c, url.asText()));
        }
        return new Solved(c, order, created.headers().firstValue("Location").orElseThrow(), authzs);
    }

    private static Solved solve(String... names) throws Exception {
        return solve(OrderFlowTest.registeredOn(server()), names);
    }

    private static String prevents(String identifier, String name, String why) {
        return "While processing CAA for " + identifier + ": CAA record for " + name + " prevents issuance (" + why + ")";
    }

    @Test
    void aCaaRecordThatForbidsVantageMakesTheChallengeInvalidWithTheCaaProblem() throws Exception {
        caa("forbid.test", "issue", "other.test");
        Solved s = solve("forbid.test");
        assertEquals("invalid", s.authzs().get(0).get("status").asText());
        assertEquals("urn:ietf:params:acme:error:caa", s.error().get("type").asText());
        assertEquals(prevents("forbid.test", "forbid.test", "issue \"other.test\" is for another CA, not vantage.test"),
                s.error().get("detail").asText());
        assertEquals("invalid", s.current().get("status").asText());
    }

    @Test
    void accounturiMustBeTheUrlOfTheAccountThatRespondsToTheChallenge() throws Exception {
        TestAcmeClient owner = OrderFlowTest.registeredOn(server());
        caa("bound.test", "issue", "vantage.test; accounturi=" + owner.kid);
        assertEquals("valid", solve(owner, "bound.test").authzs().get(0).get("status").asText());

        Solved stranger = solve("bound.test");
        assertEquals("urn:ietf:params:acme:error:caa", stranger.error().get("type").asText());
        assertEquals(prevents("bound.test", "bound.test", "issue \"vantage.test; accounturi=" + owner.kid
                + "\" is for another account than " + stranger.client().kid), stranger.error().get("detail").asText());
    }

    @Test
    void aWildcardIsJudgedByIssuewild() throws Exception {
        caa("wild.test", "issue", "vantage.test");
        caa("wild.test", "issuewild", ";");
        Solved s = solve("*.wild.test");
        assertEquals(prevents("*.wild.test", "wild.test", "issuewild \";\" forbids every CA"),
                s.error().get("detail").asText());
    }

    @Test
    void aCaaRecordAddedAfterValidationIsAcceptedBeforeTheRecheckWindowPasses() throws Exception {
        Solved s = solve("early.test");
        caa("early.test", "issue", "other.test");
        server().clock().advance(WINDOW.minusMinutes(1));
        HttpResponse<String> finalized = s.finalizeOrder("early.test");
        assertEquals(200, finalized.statusCode(), finalized.body());
        assertEquals("valid", TestAcmeClient.json(finalized).get("status").asText());
    }

    @Test
    void aCaaRecordAddedAfterValidationIsRefusedAtFinalizeOnceTheRecheckWindowHasPassed() throws Exception {
        Solved s = solve("late.test");
        caa("late.test", "issue", "other.test");
        server().clock().advance(WINDOW.plusMinutes(1));
        HttpResponse<String> refused = s.finalizeOrder("late.test");
        assertProblem(refused, 403, "caa");
        String detail = "rechecking caa: " + prevents("late.test", "late.test",
                "issue \"other.test\" is for another CA, not vantage.test");
        assertEquals(detail, TestAcmeClient.json(refused).get("detail").asText());
        JsonNode order = s.current();
        assertEquals("invalid", order.get("status").asText());
        assertEquals("urn:ietf:params:acme:error:caa", order.get("error").get("type").asText());
        assertEquals(detail, order.get("error").get("detail").asText());
        assertProblem(s.finalizeOrder("late.test"), 403, "orderNotReady");
    }

    @Test
    void theRecheckUsesTheFinalizingAccountsUrlAndTheMethodThatValidated() throws Exception {
        Solved s = solve("bound-later.test");
        caa("bound-later.test", "issue", "vantage.test; accounturi=" + s.client().kid + "; validationmethods=dns-01");
        server().clock().advance(WINDOW.plusHours(1));
        HttpResponse<String> finalized = s.finalizeOrder("bound-later.test");
        assertEquals(200, finalized.statusCode(), finalized.body());
    }

    @Test
    void theRecheckRunsFromEveryPerspectiveWithTheSameQuorum() throws Exception {
        Solved one = solve("one-view.test");
        Solved two = solve("two-views.test");
        server().dns().view("eu-central").addCaa("one-view.test", List.of(new CaaPolicy("issue", "other.test")));
        for (String perspective : List.of("us-east", "eu-north")) {
            server().dns().view(perspective).addCaa("two-views.test", List.of(new CaaPolicy("issue", "other.test")));
        }
        server().clock().advance(WINDOW.plusHours(1));
        assertEquals(200, one.finalizeOrder("one-view.test").statusCode(), "one remote failure is within the quorum");
        HttpResponse<String> refused = two.finalizeOrder("two-views.test");
        assertProblem(refused, 403, "caa");
        assertEquals("rechecking caa: During secondary validation: " + prevents("two-views.test", "two-views.test",
                        "issue \"other.test\" is for another CA, not vantage.test"),
                TestAcmeClient.json(refused).get("detail").asText());
    }

    @Test
    void aRecheckThatCannotLookUpCaaIsACaaProblemAsAtLetsEncrypt() throws Exception {
        Solved s = solve("flaky.test");
        server().dns().setServfail("flaky.test");
        server().clock().advance(WINDOW.plusHours(1));
        HttpResponse<String> refused = s.finalizeOrder("flaky.test");
        assertProblem(refused, 403, "caa");
        assertEquals("rechecking caa: While processing CAA for flaky.test: DNS problem: SERVFAIL looking up CAA for "
                + "flaky.test - the domain's nameservers may be malfunctioning",
                TestAcmeClient.json(refused).get("detail").asText());
    }

    @Test
    void severalRefusedIdentifiersGetOneSubproblemEach() throws Exception {
        Solved s = solve("one.caa.test", "two.caa.test");
        caa("caa.test", "issue", ";");
        server().clock().advance(WINDOW.plusHours(1));
        HttpResponse<String> refused = s.finalizeOrder("one.caa.test", "two.caa.test");
        assertProblem(refused, 403, "caa");
        JsonNode problem = TestAcmeClient.json(refused);
        assertEquals("Rechecking CAA for \"one.caa.test\" and 1 more identifiers failed. Refer to sub-problems for"
                + " more information", problem.get("detail").asText());
        assertEquals(2, problem.get("subproblems").size());
        JsonNode second = problem.get("subproblems").get(1);
        assertEquals("two.caa.test", second.get("identifier").get("value").asText());
        assertEquals("rechecking caa: " + prevents("two.caa.test", "caa.test", "issue \";\" forbids every CA"),
                second.get("detail").asText());
    }
}
