package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.FirewallRule;
import dev.vantage.config.FirewallService;
import dev.vantage.server.junit.VantageExtension;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * The README's firewall allowlist story (issue #4) end to end with acme4j and one account, the
 * firewall changed through the Java API ({@code server.network().putRule}) and http-01 served by
 * the test's own {@link Http01Responder}:
 * <ol>
 *   <li>an allowlist admitting only 10.0.0.0/8 to the name's http-01 port, so none of the
 *       perspectives: the http-01 challenge is invalid with a {@code connection} problem whose
 *       detail says "Timeout during connect (likely firewall problem)", and the responder got no
 *       request (blocks are simulated before connecting);</li>
 *   <li>dns-01, with the TXT record set in Vantage's DNS, succeeds and a certificate is issued;</li>
 *   <li>the next order, solved over http-01 as before, is ready at once with the dns-01
 *       authorization: no new validation attempt in the history and no request at the responder —
 *       http-01 only seems to work;</li>
 *   <li>a "dry run" as certbot's {@code --dry-run} does it (order, deactivate the order's valid
 *       authorizations with {@link Authorization#deactivate()}, order again) gets a fresh
 *       authorization, and http-01 fails again exactly as in step 1;</li>
 *   <li>once the allowlist admits the perspectives' ranges (192.0.2.0/24, 198.51.100.0/24,
 *       203.0.113.0/24, 2001:db8::/32), the dry run validates over http-01, requests reach the
 *       responder, and the certificate is issued.</li>
 * </ol>
 * The validation history ({@code GET /validations}) is checked after every step:
 * {@code http-01 invalid}, {@code dns-01 valid}, nothing new, {@code http-01 invalid},
 * {@code http-01 valid}.
 */
final class Acme4jAllowlistStoryTest {
    static final String TIMEOUT = "Timeout during connect (likely firewall problem)";
    static final List<String> PERSPECTIVE_RANGES =
            List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    /** The site's allowlist, as the README writes it: only {@code allow} reaches {@code name}'s http-01 port; others are dropped. */
    static FirewallRule siteAllowlist(String name, List<String> allow) {
        return FirewallRule.allowOnly("site-allowlist", List.of(name), allow)
                .withServices(List.of(FirewallService.HTTP_01));
    }

    /**
     * Publishes the key authorization of the order's one pending http-01 challenge, validates it
     * and asserts it failed as a dropped connection does, without a request at the responder.
     */
    static void assertHttp01Blocked(Order order, String step) throws Exception {
        assertEquals(Status.PENDING, order.getStatus(), step + ": a fresh authorization to validate");
        Authorization authz = order.getAuthorizations().get(0);
        Http01Challenge challenge = authz.findChallenge(Http01Challenge.class).orElseThrow();
        web.put(challenge.getToken(), challenge.getAuthorization());

        Status status = Acme4j.validate(challenge);

        assertEquals(Status.INVALID, status, () -> step + ": " + Acme4j.describe(challenge.getError()));
        Problem problem = challenge.getError().orElseThrow();
        assertEquals(URI.create("urn:ietf:params:acme:error:connection"), problem.getType(), step);
        String detail = problem.getDetail().orElseThrow();
        assertTrue(detail.contains(TIMEOUT), () -> step + ": " + detail);
        assertFalse(detail.startsWith("During secondary validation"), () -> step + ", the primary's own problem: " + detail);
        assertEquals(0, web.hits(challenge.getToken()), () -> step + ", nothing reached the target: " + web.requests());
        authz.fetch();
        assertEquals(Status.INVALID, authz.getStatus(), step);
    }

    /** A certbot-style dry-run order: the order to validate and the authorizations deactivated first. */
    record DryRun(Order order, List<URL> deactivated) {
    }

    /**
     * What certbot's {@code --dry-run} does before validating: orders {@code name}, deactivates
     * the order's valid (reused) authorizations and, if there were any, orders again (the first
     * order is invalid by then), so the validation really happens.
     */
    static DryRun dryRunOrder(Login login, String name) throws Exception {
        Order order = login.newOrder().domain(name).create();
        List<URL> deactivated = new ArrayList<>();
        for (Authorization authz : order.getAuthorizations()) {
            if (authz.getStatus() == Status.VALID) {
                authz.deactivate();
                assertEquals(Status.DEACTIVATED, authz.getStatus(), "the server's answer to the deactivation");
                deactivated.add(authz.getLocation());
            }
        }
        if (deactivated.isEmpty()) {
            return new DryRun(order, deactivated);
        }
        order.fetch();
        assertEquals(Status.INVALID, order.getStatus(), "an order holding a deactivated authorization is invalid");
        return new DryRun(login.newOrder().domain(name).create(), deactivated);
    }

    @Test
    void http01IsBlockedDns01PassesHttp01ThenReusesItUntilADryRunDeactivatesItAndOnlyTheFixedAllowlistLetsItPass()
            throws Exception {
        String name = "site.acme4j-story.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());

        // 1. The allowlist admits none of the perspectives: http-01 fails, nothing reaches the target.
        ca.server().network().putRule(siteAllowlist(name, List.of("10.0.0.0/8")));
        assertHttp01Blocked(login.newOrder().domain(name).create(), "1. http-01 behind the allowlist");
        assertEquals(List.of("http-01 invalid"), ca.validations(name));

        // 2. dns-01 succeeds.
        Order viaDns = login.newOrder().domain(name).create();
        assertEquals(Status.PENDING, viaDns.getStatus(), "2. the invalid authorization is not reused");
        assertEquals(1, Acme4j.solvePendingOverDns01(viaDns, ca.server().dns()));
        Acme4j.finalizeAndDownload(viaDns, Acme4j.ecKeys());
        URL cached = viaDns.getAuthorizations().get(0).getLocation();
        assertEquals(List.of("http-01 invalid", "dns-01 valid"), ca.validations(name));

        // 3. http-01 "works": the dns-01 authorization is reused, no validation, nothing at the target.
        Order reused = login.newOrder().domain(name).create();
        assertEquals(Status.READY, reused.getStatus(), "3. ready at once: the authorization was reused");
        Authorization reusedAuthz = reused.getAuthorizations().get(0);
        assertEquals(cached, reusedAuthz.getLocation(), "3. the dns-01 authorization");
        assertEquals(Status.VALID, reusedAuthz.getStatus());
        assertEquals(List.of(), Acme4j.solvePendingOverHttp01(reused, web), "3. nothing left to validate over http-01");
        Acme4j.finalizeAndDownload(reused, Acme4j.ecKeys());
        assertEquals(List.of("http-01 invalid", "dns-01 valid"), ca.validations(name), "3. no new attempt");
        assertEquals(List.of(), web.requests(), "3. the responder never saw a request");

        // 4. A dry run deactivates the cached authorization first, so http-01 is really tried: it fails.
        DryRun dryRun = dryRunOrder(login, name);
        assertEquals(List.of(cached), dryRun.deactivated(), "4. the reused authorization was deactivated");
        assertNotEquals(cached, dryRun.order().getAuthorizations().get(0).getLocation(), "4. a fresh authorization");
        assertHttp01Blocked(dryRun.order(), "4. the dry run behind the allowlist");
        assertEquals(List.of("http-01 invalid", "dns-01 valid", "http-01 invalid"), ca.validations(name));

        // 5. The allowlist admits the perspectives' ranges: the dry run passes.
        ca.server().network().putRule(siteAllowlist(name, PERSPECTIVE_RANGES));
        DryRun fixed = dryRunOrder(login, name);
        assertEquals(List.of(), fixed.deactivated(), "5. no valid authorization was left to deactivate");
        List<String> tokens = Acme4j.solvePendingOverHttp01(fixed.order(), web);
        assertEquals(1, tokens.size(), "5. one authorization validated");
        assertTrue(web.hits(tokens.get(0)) > 0, () -> "5. validation reached the target: " + web.requests());
        Acme4j.finalizeAndDownload(fixed.order(), Acme4j.ecKeys());
        assertEquals(List.of("http-01 invalid", "dns-01 valid", "http-01 invalid", "http-01 valid"),
                ca.validations(name));
        assertEquals(List.of("site-allowlist"), ca.server().network().rules().stream().map(FirewallRule::name).toList(),
                "5. the fix replaced the rule of that name");
    }
}
