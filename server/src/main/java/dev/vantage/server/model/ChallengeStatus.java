package dev.vantage.server.model;

/** RFC 8555 §7.1.6: pending → processing → valid or invalid. */
public enum ChallengeStatus {
    PENDING, PROCESSING, VALID, INVALID;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
