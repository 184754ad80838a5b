package dev.vantage.validator;

/** ACME identifier types: {@code dns} (RFC 8555 §9.7.7) and {@code ip} (RFC 8738). */
public enum IdentifierType {
    DNS("dns"),
    IP("ip");

    private final String token;

    IdentifierType(String token) {
        this.token = token;
    }

    /** The name on the wire. */
    public String token() {
        return token;
    }

    /** The type with this wire name, or null. */
    public static IdentifierType fromToken(String token) {
        for (IdentifierType t : values()) {
            if (t.token.equals(token)) {
                return t;
            }
        }
        return null;
    }
}
