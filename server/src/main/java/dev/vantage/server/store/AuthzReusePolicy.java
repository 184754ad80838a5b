package dev.vantage.server.store;

import dev.vantage.config.ProfileConfig;
import dev.vantage.config.ReuseConfig;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Which existing authorization a new order gets instead of a fresh one: the rule at the heart of
 * "my challenge never ran". As Boulder decides it: the candidates are the same account's
 * authorizations for the same identifier (wildcard or not) under the same profile; a valid one is
 * reused when it expires later than now + cutoff, the latest-expiring winning; the challenge type
 * that validated it does not matter. Pending ones only when switched on. Pebble's coin flip is
 * available instead of lifetimes.
 */
public final class AuthzReusePolicy {
    static final Duration MIN_CUTOFF = Duration.ofHours(1);
    static final Duration MAX_CUTOFF = Duration.ofHours(24);

    private final Random chaos;
    private volatile ReuseConfig config;

    public AuthzReusePolicy(ReuseConfig config, Random chaos) {
        this.config = config;
        this.chaos = chaos;
    }

    public ReuseConfig config() {
        return config;
    }

    public void config(ReuseConfig newConfig) {
        this.config = newConfig;
    }

    /**
     * The authorization to reuse among {@code candidates} (already narrowed to account,
     * identifier, wildcard and profile), or empty for a fresh one.
     */
    public Optional<Authorization> choose(List<Authorization> candidates, ProfileConfig profile, Instant now) {
        ReuseConfig c = config;
        if (profile.validAuthzLifetime().isZero()) {
            return Optional.empty();
        }
        Instant mustOutlive = now.plus(cutoff(c, profile));
        Optional<Authorization> valid = candidates.stream()
                .filter(a -> AuthzStatus.of(a, now) == AuthzStatus.VALID)
                .filter(a -> c.randomPercent() != null || a.expires().isAfter(mustOutlive))
                .max(Comparator.comparing(Authorization::expires));
        if (c.randomPercent() != null) {
            return c.validAuthz() ? valid.filter(a -> flip(c.randomPercent())) : Optional.empty();
        }
        if (valid.isPresent() && c.validAuthz()) {
            return valid;
        }
        if (!c.pendingAuthz()) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(a -> AuthzStatus.of(a, now) == AuthzStatus.PENDING)
                .filter(a -> a.expires().isAfter(mustOutlive))
                .max(Comparator.comparing(Authorization::expires));
    }

    /**
     * How much longer a new order would get {@code authz} instead of a fresh authorization: until
     * it no longer outlives now + cutoff, the rule {@link #choose} applies. Zero when it is not
     * valid or valid reuse is off. Pebble's coin flip, when on, is left out: a chance is not a window.
     */
    public Duration reusableFor(Authorization authz, ProfileConfig profile, Instant now) {
        ReuseConfig c = config;
        if (!c.validAuthz() || profile.validAuthzLifetime().isZero()
                || AuthzStatus.of(authz, now) != AuthzStatus.VALID) {
            return Duration.ZERO;
        }
        Instant until = authz.expires().minus(cutoff(c, profile));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The configured cutoff, or the profile's order lifetime ÷ 8 clamped to [1 h, 24 h] (Boulder). */
    public static Duration cutoff(ReuseConfig config, ProfileConfig profile) {
        if (config.cutoff() != null) {
            return config.cutoff();
        }
        Duration eighth = profile.orderLifetime().dividedBy(8);
        if (eighth.compareTo(MIN_CUTOFF) < 0) {
            return MIN_CUTOFF;
        }
        return eighth.compareTo(MAX_CUTOFF) > 0 ? MAX_CUTOFF : eighth;
    }

    private boolean flip(int percent) {
        synchronized (chaos) {
            return chaos.nextInt(100) < percent;
        }
    }
}
