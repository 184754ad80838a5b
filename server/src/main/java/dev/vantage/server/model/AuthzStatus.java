package dev.vantage.server.model;

import java.time.Instant;
import java.util.Locale;

/**
 * RFC 8555 §7.1.6 authorization states. {@code EXPIRED} is never stored: it is derived from the
 * expiry and the clock, so moving the clock is all it takes to expire an authorization.
 */
public enum AuthzStatus {
    PENDING, VALID, INVALID, DEACTIVATED, EXPIRED, REVOKED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Pending or valid: the states an authorization can still move out of (by validation,
     * deactivation or expiry); the others are final (RFC 8555 §7.1.6).
     */
    public boolean live() {
        return this == PENDING || this == VALID;
    }

    /** The status as the client sees it now. */
    public static AuthzStatus of(Authorization authz, Instant now) {
        AuthzStatus stored = authz.status();
        return stored.live() && !now.isBefore(authz.expires()) ? EXPIRED : stored;
    }

    /** The status named on the wire, for filters; null when unknown. */
    public static AuthzStatus fromToken(String token) {
        for (AuthzStatus s : values()) {
            if (s.token().equals(token)) {
                return s;
            }
        }
        return null;
    }
}
