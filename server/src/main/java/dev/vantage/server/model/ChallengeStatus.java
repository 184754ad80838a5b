package dev.vantage.server.model;

import java.util.Locale;

/** RFC 8555 §7.1.6: pending → processing → valid or invalid. */
public enum ChallengeStatus {
    PENDING, PROCESSING, VALID, INVALID;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
