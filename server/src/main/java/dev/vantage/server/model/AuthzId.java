package dev.vantage.server.model;

/** Identifies one stored authz resource; the value is the last segment of its URL. */
public record AuthzId(String value) implements Ids {
    public AuthzId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
