package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.junit.VantageExtension;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Status;

/**
 * Issue #3, end to end with acme4j: a valid authorization is only ever reused by the same account,
 * for the same identifier, under the same profile. Another account, another profile
 * ({@code tlsserver} vs {@code classic}, even {@code tlsserver} vs {@code shortlived} with equal
 * lifetimes) or the wildcard instead of its base name ({@code *.x.test} vs {@code x.test}) gets a
 * fresh pending authorization, and validation reaches the target again: requests at the test's
 * http-01 responder, or TXT queries for {@code _acme-challenge.<name>} at Vantage's DNS server
 * ({@code POST /dns-request-history}) for dns-01. Each case ends with a control: the original
 * account, profile and identifier still get the cached authorization, so only the one difference
 * stood in the way of reuse.
 */
final class Acme4jAuthzIsolationTest {
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    /** Creates the order, validates it over http-01 (requests must reach the responder), finalizes it; returns the authz URL. */
    static URL validatedOverHttp01(OrderBuilder builder) throws Exception {
        Order order = builder.create();
        Authorization authz = order.getAuthorizations().get(0);
        assertEquals(Status.PENDING, authz.getStatus(), "a fresh authorization");
        List<String> tokens = Acme4j.solvePendingOverHttp01(order, web);
        assertEquals(1, tokens.size());
        assertTrue(web.hits(tokens.get(0)) > 0, () -> "validation reached the responder: " + web.requests());
        Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        return authz.getLocation();
    }

    /** Creates the order and asserts it is ready at once with {@code cached}; finalizes it. */
    static void assertReused(OrderBuilder builder, URL cached) throws Exception {
        Order order = builder.create();
        assertEquals(Status.READY, order.getStatus(), "ready at once");
        assertEquals(cached, order.getAuthorizations().get(0).getLocation(), "with the cached authorization");
        Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
    }

    /** TXT queries Vantage's DNS server answered for {@code _acme-challenge.<name>}: dns-01 reaching its target. */
    static long txtQueries(String name) {
        JsonNode queries = VantageFixture.json(ca.managementPost("/dns-request-history",
                "{\"host\":\"_acme-challenge." + name + ".\"}"));
        long n = 0;
        for (JsonNode q : queries) {
            n += "TXT".equals(q.get("type").asText()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void anotherAccountNeverGetsTheAuthorizationAndValidatesAgain() throws Exception {
        String name = "accounts.isolation.test";
        Login owner = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Login other = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL cached = validatedOverHttp01(owner.newOrder().domain(name));

        URL fresh = validatedOverHttp01(other.newOrder().domain(name));

        assertNotEquals(cached, fresh);
        assertEquals(List.of("http-01 valid", "http-01 valid"), ca.validations(name));
        assertReused(owner.newOrder().domain(name), cached);
        assertEquals(2, ca.validations(name).size());
    }

    @ParameterizedTest(name = "a name validated under {0} is validated again under {1}")
    @CsvSource({"classic, tlsserver", "tlsserver, classic", "tlsserver, shortlived"})
    void anotherProfileNeverGetsTheAuthorizationAndValidatesAgain(String first, String second) throws Exception {
        String name = "profiles.isolation.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL cached = validatedOverHttp01(login.newOrder().domain(name).profile(first));

        URL fresh = validatedOverHttp01(login.newOrder().domain(name).profile(second));

        assertNotEquals(cached, fresh);
        assertEquals(List.of("http-01 valid", "http-01 valid"), ca.validations(name));
        assertReused(login.newOrder().domain(name).profile(first), cached);
        assertEquals(2, ca.validations(name).size());
    }

    @ParameterizedTest(name = "a validated {0} does not authorize {1}")
    @CsvSource({"'*.wild.isolation.test', wild.isolation.test", "wild.isolation.test, '*.wild.isolation.test'"})
    void aWildcardAndItsBaseNameNeverShareAnAuthorization(String first, String second) throws Exception {
        String base = "wild.isolation.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order firstOrder = login.newOrder().domain(first).create();
        assertEquals(1, Acme4j.solvePendingOverDns01(firstOrder, ca.server().dns()));
        Acme4j.finalizeAndDownload(firstOrder, Acme4j.ecKeys());
        URL cached = firstOrder.getAuthorizations().get(0).getLocation();
        long queriesAfterFirst = txtQueries(base);
        assertTrue(queriesAfterFirst > 0, "the first validation looked up the TXT record");

        Order secondOrder = login.newOrder().domain(second).create();
        assertEquals(Status.PENDING, secondOrder.getStatus(), "not reused across wildcard and base name");
        Authorization fresh = secondOrder.getAuthorizations().get(0);
        assertNotEquals(cached, fresh.getLocation());
        assertEquals(second.startsWith("*."), fresh.isWildcard());
        assertEquals(1, Acme4j.solvePendingOverDns01(secondOrder, ca.server().dns()));
        Acme4j.finalizeAndDownload(secondOrder, Acme4j.ecKeys());

        assertTrue(txtQueries(base) > queriesAfterFirst, "the second validation looked up the TXT record again");
        assertEquals(List.of("dns-01 valid", "dns-01 valid"), ca.validations(base));
        assertReused(login.newOrder().domain(first), cached);
        assertEquals(2, ca.validations(base).size());
    }
}
