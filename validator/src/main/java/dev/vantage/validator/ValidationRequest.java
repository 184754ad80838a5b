package dev.vantage.validator;

/**
 * One challenge to check, or, for {@link Validator#checkCaa}, one authorization whose CAA records
 * to check again.
 *
 * @param identifier       the authorization's identifier, without {@code *.} (dns-01 of a
 *                         wildcard checks {@code _acme-challenge.<base name>}); an identifier
 *                         given as {@code *.name} is stored as {@code name} with
 *                         {@code wildcard} true
 * @param type             which check; for CAA, the method RFC 8657 §4 {@code validationmethods}
 *                         must allow
 * @param token            the challenge token (RFC 8555 §8.1); empty for a CAA re-check
 * @param keyAuthorization token || '.' || base64url(JWK thumbprint of the account key); empty
 *                         for a CAA re-check
 * @param accountUri       the requesting account's URL, which a CAA {@code accounturi} parameter
 *                         must equal (RFC 8657 §3); empty when unknown, which no such parameter
 *                         matches
 * @param wildcard         true for {@code *.<identifier>}: CAA then reads {@code issuewild}
 *                         before {@code issue} (RFC 8659 §4.3)
 */
public record ValidationRequest(Identifier identifier, ChallengeType type, String token, String keyAuthorization,
                                String accountUri, boolean wildcard) {

    public ValidationRequest {
        // Not checked further: the validator turns any broken request into a serverInternal report.
        wildcard = wildcard || identifier != null && identifier.isWildcard();
        identifier = identifier == null ? null : identifier.withoutWildcard();
        token = token == null ? "" : token;
        keyAuthorization = keyAuthorization == null ? "" : keyAuthorization;
        accountUri = accountUri == null ? "" : accountUri;
    }

    /** A challenge without an account URL; a {@code *.} identifier makes it a wildcard. */
    public ValidationRequest(Identifier identifier, ChallengeType type, String token, String keyAuthorization) {
        this(identifier, type, token, keyAuthorization, "", false);
    }

    /** The identifier as the order named it: {@code *.example.test} for a wildcard. */
    public Identifier orderIdentifier() {
        return wildcard ? Identifier.dns("*." + identifier.value()) : identifier;
    }
}
