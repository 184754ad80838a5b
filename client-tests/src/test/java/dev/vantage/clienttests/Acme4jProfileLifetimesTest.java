package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import dev.vantage.server.time.AdjustableClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * Issue #3, end to end with acme4j: the profile presets put Let's Encrypt's published lifetimes
 * (the table in the design notes, written out here rather than read from the server) into what a
 * client sees. With the server clock set a year away from real time through
 * {@code server.clock()}, so only the server's clock can explain the values:
 * <ul>
 *   <li>a new pending authorization {@code expires} at now + the pending lifetime;</li>
 *   <li>once validated, at the validation time (the challenge's {@code validated}) + the reuse window;</li>
 *   <li>an order {@code expires} at min(now + order lifetime, earliest authorization expiry): the
 *       order lifetime wins for {@code classic} (30-day authorizations, 7-day orders), the reused
 *       authorization's expiry for {@code tlsserver} and {@code shortlived} (7 h against 8 h);</li>
 *   <li>the certificate's notAfter − notBefore is the profile's validity, notBefore on the server clock.</li>
 * </ul>
 * Times are compared with {@value #DRIFT_SECONDS} s of slack for the real time a step takes.
 */
final class Acme4jProfileLifetimesTest {
    static final long DRIFT_SECONDS = 5;

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final Http01Responder web = Http01Responder.forValidationOf(ca);

    /** Asserts {@code actual} lies in [{@code earliest}, {@code latest}], give or take the drift. */
    static void assertBetween(Instant earliest, Instant latest, Instant actual, String what) {
        Duration drift = Duration.ofSeconds(DRIFT_SECONDS);
        assertTrue(!actual.isBefore(earliest.minus(drift)) && !actual.isAfter(latest.plus(drift)),
                () -> what + ": expected between " + earliest + " and " + latest + " (± " + DRIFT_SECONDS
                        + " s), was " + actual);
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @ParameterizedTest(name = "{0}: pending {1}, reuse window {2}, order {3}, certificate {4}")
    @CsvSource({
        "classic,    P7D,  P30D, P7D,  P90D",
        "tlsserver,  PT1H, PT7H, PT8H, P45D",
        "shortlived, PT1H, PT7H, PT8H, PT160H",
    })
    void theProfileGivesAuthorizationsOrdersAndCertificatesThePublishedLifetimes(
            String profile, Duration pending, Duration window, Duration orderLifetime, Duration validity)
            throws Exception {
        AdjustableClock clock = ca.server().clock();
        clock.set(Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.DAYS));
        String name = profile + ".lifetimes.test";
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());

        Instant ordering = clock.instant();
        Order order = login.newOrder().domain(name).profile(profile).create();
        Instant ordered = clock.instant();
        Authorization authz = order.getAuthorizations().get(0);
        assertEquals(Status.PENDING, authz.getStatus());
        assertBetween(ordering.plus(pending), ordered.plus(pending), authz.getExpires().orElseThrow(),
                "pending authorization expires = now + pending lifetime");
        assertBetween(min(ordering.plus(orderLifetime), ordering.plus(pending)),
                min(ordered.plus(orderLifetime), ordered.plus(pending)), order.getExpires().orElseThrow(),
                "new order expires = min(now + order lifetime, pending authorization's expiry)");

        Instant validating = clock.instant();
        Acme4j.solvePendingOverHttp01(order, web);
        Instant validatedBy = clock.instant();
        authz.fetch();
        assertEquals(Status.VALID, authz.getStatus());
        Instant validated = authz.findChallenge(Http01Challenge.class).orElseThrow().getValidated().orElseThrow();
        assertBetween(validating, validatedBy, validated, "the challenge's validation time, on the server clock");
        Instant authzExpires = authz.getExpires().orElseThrow();
        assertBetween(validated.plus(window), validated.plus(window), authzExpires,
                "valid authorization expires = validation time + reuse window");

        Instant finalizing = clock.instant();
        X509Certificate leaf = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys()).getCertificate();
        Instant finalized = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertEquals(validity, Duration.between(notBefore, leaf.getNotAfter().toInstant()), "notAfter − notBefore");
        assertBetween(finalizing, finalized, notBefore, "notBefore, on the server clock");

        Instant reordering = clock.instant();
        Order reused = login.newOrder().domain(name).profile(profile).create();
        Instant reordered = clock.instant();
        assertEquals(Status.READY, reused.getStatus(), "the authorization is reused");
        assertBetween(min(reordering.plus(orderLifetime), authzExpires), min(reordered.plus(orderLifetime), authzExpires),
                reused.getExpires().orElseThrow(),
                "order with a reused authorization expires = min(now + order lifetime, the authorization's expiry)");
    }
}
