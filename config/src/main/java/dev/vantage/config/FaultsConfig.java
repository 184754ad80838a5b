package dev.vantage.config;

/**
 * Deliberate misbehaviour, off by default because several clients never retry.
 *
 * @param nonceRejectPercent share of valid nonces answered with {@code badNonce} (PEBBLE_WFE_NONCEREJECT)
 * @param seed               seed of the random source behind every deliberate fault, so a failing
 *                           run can be replayed
 */
public record FaultsConfig(int nonceRejectPercent, long seed) {

    public FaultsConfig {
        Check.range("nonceRejectPercent", nonceRejectPercent, 0, 100);
    }

    static FaultsConfig defaults() {
        return new FaultsConfig(0, 1L);
    }
}
