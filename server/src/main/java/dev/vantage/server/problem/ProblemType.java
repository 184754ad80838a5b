package dev.vantage.server.problem;

/**
 * Every ACME error type (RFC 8555 §6.7, RFC 9773 §7, draft-ietf-acme-profiles) with the HTTP
 * status Vantage answers it with. The status follows Boulder where the RFC leaves it open.
 */
public enum ProblemType {
    ACCOUNT_DOES_NOT_EXIST("accountDoesNotExist", 400),
    ALREADY_REPLACED("alreadyReplaced", 409),
    ALREADY_REVOKED("alreadyRevoked", 400),
    BAD_CSR("badCSR", 400),
    BAD_NONCE("badNonce", 400),
    BAD_PUBLIC_KEY("badPublicKey", 400),
    BAD_REVOCATION_REASON("badRevocationReason", 400),
    BAD_SIGNATURE_ALGORITHM("badSignatureAlgorithm", 400),
    CAA("caa", 403),
    COMPOUND("compound", 400),
    CONNECTION("connection", 400),
    DNS("dns", 400),
    EXTERNAL_ACCOUNT_REQUIRED("externalAccountRequired", 400),
    INCORRECT_RESPONSE("incorrectResponse", 400),
    INVALID_CONTACT("invalidContact", 400),
    INVALID_PROFILE("invalidProfile", 400),
    MALFORMED("malformed", 400),
    ORDER_NOT_READY("orderNotReady", 403),
    RATE_LIMITED("rateLimited", 429),
    REJECTED_IDENTIFIER("rejectedIdentifier", 400),
    SERVER_INTERNAL("serverInternal", 500),
    TLS("tls", 400),
    UNAUTHORIZED("unauthorized", 403),
    UNSUPPORTED_CONTACT("unsupportedContact", 400),
    UNSUPPORTED_IDENTIFIER("unsupportedIdentifier", 400),
    USER_ACTION_REQUIRED("userActionRequired", 403);

    /** The URN namespace of ACME error types (RFC 8555 §6.7). */
    public static final String NAMESPACE = "urn:ietf:params:acme:error:";

    private final String code;
    private final int status;

    ProblemType(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The short name, for example {@code badNonce}. */
    public String code() {
        return code;
    }

    /** The full type URN, for example {@code urn:ietf:params:acme:error:badNonce}. */
    public String urn() {
        return NAMESPACE + code;
    }

    /** The HTTP status a problem of this type is answered with. */
    public int status() {
        return status;
    }

    /** The type with this short name, such as a validator's {@code connection}. */
    public static ProblemType ofCode(String code) {
        for (ProblemType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown ACME problem type " + code);
    }
}
