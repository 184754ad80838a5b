package dev.vantage.server.http;

/** One ACME resource's logic, given a request that passed the JWS checks. */
@FunctionalInterface
interface SignedHandler {
    Response handle(SignedRequest request);

    /** Which key a request to the resource must be signed with (RFC 8555 §6.2). */
    enum KeyMode {
        /** newAccount: the key is new, so it travels as {@code jwk}. */
        JWK,
        /** Everything an account does: {@code kid} is the account URL. */
        KID,
        /** revokeCert: the ordering account's {@code kid}, or the certificate key as {@code jwk}. */
        EITHER
    }
}
