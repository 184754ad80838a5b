package dev.vantage.config;

import java.time.Duration;

/**
 * How challenges are checked.
 *
 * @param httpPort       port http-01 connects to (80 at a real CA; 5002 like Pebble)
 * @param tlsAlpnPort    port tls-alpn-01 connects to (443 at a real CA; 5001 like Pebble)
 * @param connectTimeout bound on opening a connection to a target
 * @param readTimeout    bound on waiting for a target's answer
 * @param workers        size of the pool that runs validations off the request thread
 * @param delay          pause before each validation, so clients see {@code processing}
 *                       (Pebble sleeps up to 15 s unless PEBBLE_VA_NOSLEEP)
 * @param alwaysValid    skip the checks and pass every challenge (PEBBLE_VA_ALWAYS_VALID)
 * @param caaRecheckAfter at finalize, an authorization validated longer ago than this gets a fresh
 *                       CAA check (RFC 8659) from every perspective; Let's Encrypt uses 7 hours,
 *                       under the Baseline Requirements' 8-hour limit (BR §3.2.2.8). 0 re-checks
 *                       at every finalize
 */
public record ValidationConfig(
        int httpPort,
        int tlsAlpnPort,
        Duration connectTimeout,
        Duration readTimeout,
        int workers,
        Duration delay,
        boolean alwaysValid,
        Duration caaRecheckAfter) {

    public ValidationConfig {
        Check.port("httpPort", httpPort);
        Check.port("tlsAlpnPort", tlsAlpnPort);
        Check.positive("connectTimeout", connectTimeout);
        Check.positive("readTimeout", readTimeout);
        Check.range("workers", workers, 1, 256);
        Check.nonNegative("delay", delay);
        Check.nonNegative("caaRecheckAfter", caaRecheckAfter);
    }

    static ValidationConfig defaults() {
        return new ValidationConfig(5002, 5001, Duration.ofSeconds(5), Duration.ofSeconds(5), 8, Duration.ZERO, false,
                Duration.ofHours(7));
    }
}
