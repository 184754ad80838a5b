package dev.vantage.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.config.ProfileConfig;
import dev.vantage.config.ProfilePresets;
import dev.vantage.config.ReuseConfig;
import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.validator.ChallengeType;
import dev.vantage.validator.Identifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reuse decision as a table: which candidate a new order gets, if any. */
class AuthzReusePolicyTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final ProfileConfig CLASSIC = ProfilePresets.get("classic").orElseThrow();
    static final ProfileConfig SHORT = ProfilePresets.get("shortlived").orElseThrow();
    static final ReuseConfig LE = new ReuseConfig(true, false, true, null, null);

    static Authorization authz(String id, AuthzStatus status, Duration expiresIn) {
        return new Authorization(new AuthzId(id), new AccountId("acct"), "classic", Identifier.dns("site.test"), false,
                status, NOW.minus(Duration.ofDays(1)), NOW.plus(expiresIn), List.of(),
                status == AuthzStatus.VALID ? NOW.minus(Duration.ofDays(1)) : null,
                status == AuthzStatus.VALID ? ChallengeType.DNS_01 : null);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("a valid authorization with 29 days left is reused under classic",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(29))), "a"),
                Arguments.of("a valid authorization inside the 21-hour classic cutoff is not reused",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofHours(20))), null),
                Arguments.of("just beyond the cutoff it still is",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofHours(21).plusMinutes(1))), "a"),
                Arguments.of("shortlived's cutoff is clamped up to one hour",
                        SHORT, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofMinutes(59))), null),
                Arguments.of("shortlived reuses with more than an hour left",
                        SHORT, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofMinutes(61))), "a"),
                Arguments.of("the latest-expiring of several valid authorizations wins", CLASSIC, LE,
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(10)),
                                authz("b", AuthzStatus.VALID, Duration.ofDays(20)),
                                authz("c", AuthzStatus.VALID, Duration.ofDays(15))), "b"),
                Arguments.of("an expired authorization is never reused",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(-1))), null),
                Arguments.of("a deactivated authorization is never reused",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.DEACTIVATED, Duration.ofDays(29))), null),
                Arguments.of("an invalid authorization is never reused",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.INVALID, Duration.ofDays(29))), null),
                Arguments.of("a revoked authorization is never reused",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.REVOKED, Duration.ofDays(29))), null),
                Arguments.of("a pending authorization is not reused by default",
                        CLASSIC, LE, List.of(authz("a", AuthzStatus.PENDING, Duration.ofDays(6))), null),
                Arguments.of("a pending authorization is reused when switched on",
                        CLASSIC, new ReuseConfig(true, true, true, null, null),
                        List.of(authz("a", AuthzStatus.PENDING, Duration.ofDays(6))), "a"),
                Arguments.of("valid reuse switched off reuses nothing",
                        CLASSIC, new ReuseConfig(false, false, true, null, null),
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(29))), null),
                Arguments.of("a zero reuse window reuses nothing",
                        CLASSIC.withValidAuthzLifetime(Duration.ZERO), LE,
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(29))), null),
                Arguments.of("a configured cutoff replaces the derived one",
                        CLASSIC, new ReuseConfig(true, false, true, Duration.ofDays(2), null),
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(1))), null),
                Arguments.of("Pebble's mode at 100 percent reuses any live valid authorization",
                        CLASSIC, new ReuseConfig(true, false, true, null, 100),
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofMinutes(5))), "a"),
                Arguments.of("Pebble's mode at 0 percent never reuses",
                        CLASSIC, new ReuseConfig(true, false, true, null, 0),
                        List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(29))), null),
                Arguments.of("no candidates, no reuse", CLASSIC, LE, List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reuseDecision(String name, ProfileConfig profile, ReuseConfig config, List<Authorization> candidates,
                       String expected) {
        Optional<Authorization> chosen = new AuthzReusePolicy(config, new Random(1)).choose(candidates, profile, NOW);
        assertEquals(Optional.ofNullable(expected), chosen.map(a -> a.id().value()));
    }

    @Test
    void theCutoffIsTheOrderLifetimeOverEightClampedToOneHourAndOneDay() {
        assertEquals(Duration.ofHours(21), AuthzReusePolicy.cutoff(LE, CLASSIC));
        assertEquals(Duration.ofHours(1), AuthzReusePolicy.cutoff(LE, SHORT));
        ProfileConfig longOrders = new ProfileConfig("classic", null, null, null, Duration.ofDays(30), null, null);
        assertEquals(Duration.ofHours(24), AuthzReusePolicy.cutoff(LE, longOrders));
    }

    @Test
    void pebblesModeAtFiftyPercentReusesSometimesAndReplaysFromItsSeed() {
        List<Authorization> one = List.of(authz("a", AuthzStatus.VALID, Duration.ofDays(29)));
        ReuseConfig half = new ReuseConfig(true, false, true, null, 50);
        AuthzReusePolicy first = new AuthzReusePolicy(half, new Random(7));
        AuthzReusePolicy second = new AuthzReusePolicy(half, new Random(7));
        int reused = 0;
        for (int i = 0; i < 200; i++) {
            boolean a = first.choose(one, CLASSIC, NOW).isPresent();
            assertEquals(a, second.choose(one, CLASSIC, NOW).isPresent(), "same seed, same decisions");
            reused += a ? 1 : 0;
        }
        assertEquals(true, reused > 50 && reused < 150, "about half: " + reused);
    }
}
