package dev.vantage.config;

import java.time.Duration;

/**
 * When a new order gets existing authorizations instead of fresh ones. Lifetimes (and so the
 * reuse window) are per profile; these switches apply to every profile.
 *
 * @param validAuthz    reuse valid authorizations, as Let's Encrypt does
 * @param pendingAuthz  reuse pending authorizations (Let's Encrypt stopped doing this)
 * @param orders        return an identical pending or ready order of the same account unchanged
 * @param cutoff        a reused authorization must still live this long; null derives it from
 *                      the profile: order lifetime ÷ 8, clamped to [1 h, 24 h], as Boulder does
 * @param randomPercent Pebble's coin flip instead of lifetimes: reuse a valid authorization with
 *                      this probability (0 never, 100 always); null turns the mode off
 */
public record ReuseConfig(boolean validAuthz, boolean pendingAuthz, boolean orders, Duration cutoff,
                          Integer randomPercent) {

    public ReuseConfig {
        if (cutoff != null) {
            Check.nonNegative("cutoff", cutoff);
        }
        if (randomPercent != null) {
            Check.range("randomPercent", randomPercent, 0, 100);
        }
    }

    static ReuseConfig defaults() {
        return new ReuseConfig(true, false, true, null, null);
    }
}
