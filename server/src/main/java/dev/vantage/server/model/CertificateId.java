package dev.vantage.server.model;

/** Identifies one stored certificate resource; the value is the last segment of its URL. */
public record CertificateId(String value) implements Ids {
    public CertificateId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
