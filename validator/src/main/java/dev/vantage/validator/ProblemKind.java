package dev.vantage.validator;

/**
 * Why a check failed, named after the ACME error type the client will see (RFC 8555 §6.7), so
 * the validator needs no ACME code and the server needs no translation table.
 */
public enum ProblemKind {
    CONNECTION("connection"),
    DNS("dns"),
    UNAUTHORIZED("unauthorized"),
    INCORRECT_RESPONSE("incorrectResponse"),
    TLS("tls"),
    CAA("caa"),
    REJECTED_IDENTIFIER("rejectedIdentifier"),
    SERVER_INTERNAL("serverInternal");

    private final String acmeCode;

    ProblemKind(String acmeCode) {
        this.acmeCode = acmeCode;
    }

    /** The short ACME error name, for example {@code connection}. */
    public String acmeCode() {
        return acmeCode;
    }

    /** The kind with this ACME error name ({@code connection}, {@code dns}, …), or null. */
    public static ProblemKind fromAcmeCode(String code) {
        for (ProblemKind k : values()) {
            if (k.acmeCode.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
