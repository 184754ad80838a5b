package dev.vantage.server.model;

/** Identifies one stored order resource; the value is the last segment of its URL. */
public record OrderId(String value) implements Ids {
    public OrderId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
