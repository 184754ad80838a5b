package dev.vantage.server.model;

import java.security.PublicKey;
import java.util.Map;

/**
 * An account's public key as the server needs it: the key for verifying signatures, its RFC 7638
 * thumbprint (the identity of the key, used in key authorizations, RFC 8555 §8.1) and its JWK.
 */
public record AccountKey(String thumbprint, PublicKey publicKey, Map<String, Object> jwk) {

    public AccountKey {
        jwk = Map.copyOf(jwk);
    }
}
