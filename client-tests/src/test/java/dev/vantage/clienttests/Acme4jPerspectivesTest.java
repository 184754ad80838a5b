package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.FirewallRule;
import dev.vantage.config.PerspectivePresets;
import dev.vantage.server.junit.VantageExtension;
import dev.vantage.server.service.ValidationHistory;
import dev.vantage.validator.PerspectiveResult;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * Multi-perspective validation (CA/Browser Forum BR §3.2.2.9) end to end with acme4j over http-01,
 * with Vantage's default {@code le} perspectives: the primary (us-west, ARIN, 192.0.2.10) and four
 * remotes, us-east (ARIN, 198.51.100.20), eu-central (RIPE, 198.51.100.30), ap-southeast (APNIC,
 * 203.0.113.40) and eu-north (RIPE, 2001:db8::50). Each test puts an allowlist for its own name in
 * front of the target through the Java API ({@code server.network().putRule}) that admits all but
 * one of the documentation ranges:
 * <ul>
 *   <li>without 203.0.113.0/24 one remote (ap-southeast) is blocked; the three others pass and span
 *       two RIRs (ARIN, RIPE), which the BR quorum for four remotes (one failure allowed, two RIRs)
 *       accepts, so the challenge is valid and the certificate is issued;</li>
 *   <li>without 198.51.100.0/24 two remotes (us-east, eu-central) are blocked; the challenge is
 *       invalid with the first failing remote's problem: type {@code connection}, detail prefixed
 *       {@code During secondary validation: };</li>
 *   <li>without 192.0.2.0/24 the primary is blocked; the challenge is invalid with the primary's
 *       own problem, without the prefix, and no remote is asked (the primary goes first, as in
 *       Boulder).</li>
 * </ul>
 * After each, Vantage's validation history ({@code server.validations()}) lists every perspective
 * that was asked, in order, with its simulated source address, the target address and port it
 * connected to (or would have) and its outcome; and the test's http-01 responder got exactly one
 * request per perspective that passed: a blocked perspective never reaches the target.
 */
final class Acme4jPerspectivesTest {
    static final String TIMEOUT = "Timeout during connect (likely firewall problem)";

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    @BeforeEach
    void theDefaultPerspectivesAreLetsEncrypts() {
        web.clearRequests();
        assertEquals(PerspectivePresets.get("le").orElseThrow(), ca.server().network().points(),
                "the le preset: primary plus four remotes");
    }

    /** An allowlist in front of {@code name}'s http-01 port that admits only {@code allowed} sources. */
    static void allowOnly(String name, String... allowed) {
        ca.server().network().putRule(FirewallRule.allowOnly(name + "-allowlist", List.of(name), List.of(allowed)));
    }

    /** One order for {@code name}, its challenge served by the responder and validated; the authorization after it. */
    static Validated orderAndValidate(String name) throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = login.newOrder().domain(name).create();
        Authorization authz = order.getAuthorizations().get(0);
        Http01Challenge challenge = authz.findChallenge(Http01Challenge.class).orElseThrow();
        web.put(challenge.getToken(), challenge.getAuthorization());
        Status status = Acme4j.validate(challenge);
        authz.fetch();
        order.fetch();
        return new Validated(order, authz, challenge, status);
    }

    record Validated(Order order, Authorization authz, Http01Challenge challenge, Status status) {
        /** What the responder got for this challenge's token. */
        int hits() {
            return web.hits(challenge.getToken());
        }

        /** The detail Vantage gives a dropped connection to the target for this challenge. */
        String dropped() {
            return "127.0.0.1: Fetching http://" + authz.getIdentifier().getDomain() + ":" + ca.httpPort()
                    + "/.well-known/acme-challenge/" + challenge.getToken() + ": " + TIMEOUT;
        }

        String explain() {
            return "challenge " + challenge.getLocation() + " " + status + ": " + Acme4j.describe(challenge.getError())
                    + "\nrequests at the target: " + web.requests();
        }
    }

    /** The one validation attempt recorded for {@code name}. */
    static ValidationHistory.Attempt onlyAttempt(String name) {
        List<ValidationHistory.Attempt> attempts =
                ca.server().validations().find(a -> a.identifier().value().equals(name));
        assertEquals(1, attempts.size(), () -> "one validation attempt for " + name + ": " + attempts);
        return attempts.get(0);
    }

    /** Each perspective of the attempt as {@code "<name> <source> -> <target>:<port> <passed|failed type>"}. */
    static List<String> perspectives(ValidationHistory.Attempt attempt) {
        return attempt.report().perspectives().stream().map(p -> p.perspective() + " " + p.sourceAddress() + " -> "
                + p.targetAddress() + ":" + p.port() + " "
                + (p.passed() ? "passed" : "failed " + p.problem().kind().acmeCode())).toList();
    }

    /** The expected row of {@link #perspectives} for a perspective reaching the responder on 127.0.0.1. */
    static String row(String perspective, String source, String outcome) {
        return perspective + " " + source + " -> 127.0.0.1:" + ca.httpPort() + " " + outcome;
    }

    static long passed(ValidationHistory.Attempt attempt) {
        return attempt.report().perspectives().stream().filter(PerspectiveResult::passed).count();
    }

    @Test
    void withOneOfTheFourRemotesBlockedByTheAllowlistTheChallengeIsStillValidAndTheCertificateIssued()
            throws Exception {
        String name = "one-remote.perspectives.test";
        allowOnly(name, "192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32");

        Validated v = orderAndValidate(name);

        assertEquals(Status.VALID, v.status(), v::explain);
        Acme4j.finalizeAndDownload(v.order(), Acme4j.ecKeys());
        ValidationHistory.Attempt attempt = onlyAttempt(name);
        assertTrue(attempt.report().valid(), attempt::toString);
        assertEquals(List.of(
                row("primary", "192.0.2.10", "passed"),
                row("us-east", "198.51.100.20", "passed"),
                row("eu-central", "198.51.100.30", "passed"),
                row("ap-southeast", "203.0.113.40", "failed connection"),
                row("eu-north", "2001:db8::50", "passed")), perspectives(attempt));
        assertEquals(v.dropped(), attempt.report().perspectives().get(3).problem().detail());
        assertEquals(4, passed(attempt));
        assertEquals(passed(attempt), v.hits(), () -> "one request per passing perspective, none from the blocked one\n"
                + v.explain());
    }

    @Test
    void withTwoRemotesBlockedTheChallengeIsInvalidWithAConnectionProblemFromSecondaryValidation()
            throws Exception {
        String name = "two-remotes.perspectives.test";
        allowOnly(name, "192.0.2.0/24", "203.0.113.0/24", "2001:db8::/32");

        Validated v = orderAndValidate(name);

        assertEquals(Status.INVALID, v.status(), v::explain);
        assertEquals(Status.INVALID, v.authz().getStatus());
        assertEquals(Status.INVALID, v.order().getStatus());
        Problem problem = v.challenge().getError().orElseThrow();
        assertEquals(URI.create("urn:ietf:params:acme:error:connection"), problem.getType());
        String detail = problem.getDetail().orElseThrow();
        assertTrue(detail.startsWith("During secondary validation: "), detail);
        assertEquals("During secondary validation: " + v.dropped(), detail, "the first failing remote's (us-east) problem");
        ValidationHistory.Attempt attempt = onlyAttempt(name);
        assertEquals(detail, attempt.report().problem().detail());
        assertEquals(List.of(
                row("primary", "192.0.2.10", "passed"),
                row("us-east", "198.51.100.20", "failed connection"),
                row("eu-central", "198.51.100.30", "failed connection"),
                row("ap-southeast", "203.0.113.40", "passed"),
                row("eu-north", "2001:db8::50", "passed")), perspectives(attempt));
        assertEquals(passed(attempt), v.hits(), () -> "one request per passing perspective, none from the blocked ones\n"
                + v.explain());
    }

    @Test
    void withThePrimaryBlockedTheChallengeIsInvalidWithThePrimarysOwnProblemAndNoRemoteIsAsked() throws Exception {
        String name = "primary.perspectives.test";
        allowOnly(name, "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");

        Validated v = orderAndValidate(name);

        assertEquals(Status.INVALID, v.status(), v::explain);
        assertEquals(Status.INVALID, v.order().getStatus());
        Problem problem = v.challenge().getError().orElseThrow();
        assertEquals(URI.create("urn:ietf:params:acme:error:connection"), problem.getType());
        String detail = problem.getDetail().orElseThrow();
        assertFalse(detail.startsWith("During secondary validation"), detail);
        assertEquals(v.dropped(), detail, "the primary's own problem");
        ValidationHistory.Attempt attempt = onlyAttempt(name);
        assertEquals(List.of(row("primary", "192.0.2.10", "failed connection")), perspectives(attempt),
                "only the primary was asked");
        assertEquals(0, v.hits(), v::explain);
        assertEquals(List.of(), web.requests(), "nothing reached the target");
    }
}
