package dev.vantage.validator;

/** The challenge types Vantage performs. */
public enum ChallengeType {
    /** RFC 8555 §8.3. */
    HTTP_01("http-01"),
    /** RFC 8555 §8.4. */
    DNS_01("dns-01"),
    /** RFC 8737. */
    TLS_ALPN_01("tls-alpn-01");

    private final String token;

    ChallengeType(String token) {
        this.token = token;
    }

    /** The name on the wire, for example {@code http-01}. */
    public String token() {
        return token;
    }

    /** The type with this wire name, or null. */
    public static ChallengeType fromToken(String token) {
        for (ChallengeType t : values()) {
            if (t.token.equals(token)) {
                return t;
            }
        }
        return null;
    }
}
