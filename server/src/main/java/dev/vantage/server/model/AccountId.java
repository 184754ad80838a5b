package dev.vantage.server.model;

/** Identifies one stored account resource; the value is the last segment of its URL. */
public record AccountId(String value) implements Ids {
    public AccountId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
