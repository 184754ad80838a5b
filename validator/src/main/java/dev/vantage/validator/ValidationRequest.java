package dev.vantage.validator;

/**
 * One challenge to check.
 *
 * @param identifier       the authorization's identifier, without {@code *.} (dns-01 of a
 *                         wildcard checks {@code _acme-challenge.<base name>})
 * @param type             which check
 * @param token            the challenge token (RFC 8555 §8.1)
 * @param keyAuthorization token || '.' || base64url(JWK thumbprint of the account key)
 */
public record ValidationRequest(Identifier identifier, ChallengeType type, String token, String keyAuthorization) {
}
