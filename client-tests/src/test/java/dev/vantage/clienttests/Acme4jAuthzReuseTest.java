package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.ProfileConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;

/**
 * Issue #3, end to end with acme4j: authorization reuse as Let's Encrypt does it, proven at the
 * target. The test's own http-01 responder counts the requests for each token, so "validation
 * happened" means requests reached it and "the authorization was reused" means none did; Vantage's
 * validation history ({@code GET /validations}) counts the attempts (one per validated challenge,
 * however many vantage points took part).
 *
 * <ul>
 *   <li>A second order for the same name inside the reuse window (classic: 30 days) is
 *       {@code ready} at once with the first order's authorization, and nothing reaches the
 *       target — also when the name was validated over dns-01 and the client now prefers http-01.</li>
 *   <li>Past the window, or already within its cutoff (classic: 21 h, so 29 d 4 h after validation),
 *       the next order gets a fresh pending authorization and validation happens; 29 d 2 h after,
 *       it is still reused.</li>
 *   <li>With a zero window every order validates, and the order that validated can still be
 *       finalized; a window changed at runtime applies to the next order.</li>
 * </ul>
 *
 * Every order is finalized before the next one, so Vantage's order reuse (an identical pending or
 * ready order comes back unchanged) never stands in for authorization reuse.
 */
final class Acme4jAuthzReuseTest {
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    @BeforeEach
    void forgetEarlierRequests() {
        web.clearRequests();
    }

    /** Orders {@code name}, validates it over http-01 (the request must reach the responder), finalizes. */
    static URL validateOverHttp01(Login login, String name) throws Exception {
        Order order = login.newOrder().domain(name).create();
        assertEquals(Status.PENDING, order.getStatus(), "a fresh authorization to validate");
        List<String> tokens = Acme4j.solvePendingOverHttp01(order, web);
        assertEquals(1, tokens.size());
        assertTrue(web.hits(tokens.get(0)) > 0, () -> "the validation reached the responder: " + web.requests());
        Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        return order.getAuthorizations().get(0).getLocation();
    }

    /** Orders {@code name} and asserts it is ready at once with {@code cached}, nothing reaching the target; finalizes. */
    static void assertReused(Login login, String name, URL cached) throws Exception {
        int before = web.requests().size();
        Order order = login.newOrder().domain(name).create();
        assertEquals(Status.READY, order.getStatus(), "ready at once: the authorization was reused");
        Authorization authz = order.getAuthorizations().get(0);
        assertEquals(cached, authz.getLocation(), "the cached authorization");
        assertEquals(Status.VALID, authz.getStatus());
        assertEquals(List.of(), Acme4j.solvePendingOverHttp01(order, web), "nothing left to validate");
        Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        assertEquals(before, web.requests().size(), () -> "no request reached the target: " + web.requests());
    }

    /** Orders {@code name} and asserts it gets a fresh pending authorization that validation then reaches; finalizes. */
    static URL assertValidatesAgain(Login login, String name, URL previous) throws Exception {
        Order order = login.newOrder().domain(name).create();
        assertEquals(Status.PENDING, order.getStatus(), "not reused: the order waits for validation");
        Authorization authz = order.getAuthorizations().get(0);
        assertNotEquals(previous, authz.getLocation(), "a fresh authorization");
        assertEquals(Status.PENDING, authz.getStatus());
        List<String> tokens = Acme4j.solvePendingOverHttp01(order, web);
        assertEquals(1, tokens.size());
        assertTrue(web.hits(tokens.get(0)) > 0, () -> "the validation reached the responder: " + web.requests());
        Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        return authz.getLocation();
    }

    static VantageServer server() {
        return ca.server();
    }

    @Test
    void aSecondOrderForTheSameNameInsideTheWindowIsReadyAtOnceAndNoRequestReachesTheTarget() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL cached = validateOverHttp01(login, "again.reuse.test");

        assertReused(login, "again.reuse.test", cached);

        assertEquals(List.of("http-01 valid"), ca.validations("again.reuse.test"), "one validation attempt in all");
    }

    @Test
    void aNameValidatedOverDns01IsReusedWhenTheClientNowPrefersHttp01AndNoRequestReachesTheHttp01Responder()
            throws Exception {
        String name = "dns-then-http.reuse.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order first = login.newOrder().domain(name).create();
        assertEquals(1, Acme4j.solvePendingOverDns01(first, server().dns()));
        Acme4j.finalizeAndDownload(first, Acme4j.ecKeys());

        assertReused(login, name, first.getAuthorizations().get(0).getLocation());

        assertEquals(List.of(), web.requests(), "the http-01 responder never saw a request");
        assertEquals(List.of("dns-01 valid"), ca.validations(name), "the dns-01 success is the only validation");
    }

    @Test
    void twentyNineDaysAndTwoHoursLaterTheAuthorizationIsStillReusedJustBeforeTheCutoff() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL cached = validateOverHttp01(login, "before-cutoff.reuse.test");

        server().clock().advance(Duration.ofDays(29).plusHours(2));

        assertReused(login, "before-cutoff.reuse.test", cached);
        assertEquals(1, ca.validations("before-cutoff.reuse.test").size());
    }

    @ParameterizedTest(name = "{0} after validation, the next order gets a fresh authorization and validates")
    @ValueSource(strings = {"P29DT4H", "P30D", "P45D"})
    void pastTheWindowOrWithinItsCutoffTheNextOrderGetsAFreshAuthorizationAndValidationHappens(String later)
            throws Exception {
        String name = "expired.reuse.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL cached = validateOverHttp01(login, name);

        ca.managementPost("/clock/advance", "{\"by\":\"" + later + "\"}");

        assertValidatesAgain(login, name, cached);
        assertEquals(List.of("http-01 valid", "http-01 valid"), ca.validations(name));
    }

    @Test
    void withAZeroWindowEveryOrderValidatesAndEachOrderThatValidatedIsStillFinalized() throws Exception {
        ProfileConfig classic = server().profiles().get("classic");
        server().profiles().put("classic", classic.withValidAuthzLifetime(Duration.ZERO));
        String name = "zero.reuse.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());

        URL first = validateOverHttp01(login, name);
        URL second = assertValidatesAgain(login, name, first);
        assertValidatesAgain(login, name, second);

        assertEquals(3, ca.validations(name).size(), "three orders, three validations");
    }

    @Test
    void aWindowChangedAtRuntimeThroughTheManagementApiAppliesToTheNextOrder() throws Exception {
        String name = "runtime.reuse.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        URL thirtyDays = validateOverHttp01(login, name);

        ca.managementPost("/profiles/classic", "{\"validAuthzLifetime\":\"0\"}");
        assertValidatesAgain(login, name, thirtyDays);
        assertEquals(2, ca.validations(name).size(), "a zero window: the 30-day authorization is not reused");

        ca.managementPost("/profiles/classic", "{\"validAuthzLifetime\":\"10d\"}");
        assertReused(login, name, thirtyDays);
        assertEquals(2, ca.validations(name).size(), "a window again: the latest-expiring authorization is reused");
    }
}
