package dev.vantage.server.ca;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * An issuer as certificate building needs it: the name that goes into the issuer field and the
 * key pair that signs. Several issuing intermediates share one signer (the cross-signed key).
 */
record Signer(X500Name name, PublicKey publicKey, PrivateKey privateKey) {

    static Signer of(X500Name name, KeyPair keys) {
        return new Signer(name, keys.getPublic(), keys.getPrivate());
    }
}
