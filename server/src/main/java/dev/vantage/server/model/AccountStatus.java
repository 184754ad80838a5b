package dev.vantage.server.model;

import java.util.Locale;

/** RFC 8555 §7.1.6: valid → deactivated (by the client) or revoked (by the server). */
public enum AccountStatus {
    VALID, DEACTIVATED, REVOKED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
