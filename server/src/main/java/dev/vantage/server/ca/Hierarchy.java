package dev.vantage.server.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One root and the intermediates below it.
 *
 * @param chain the intermediates from the issuing one up to the one the root signed
 * @param keys  their private keys, in the same order
 */
record Hierarchy(X509Certificate root, PrivateKey rootKey, List<X509Certificate> chain, List<PrivateKey> keys) {

    Hierarchy {
        chain = List.copyOf(chain);
        keys = List.copyOf(keys);
    }

    X509Certificate issuing() {
        return chain.get(0);
    }

    PrivateKey issuingKey() {
        return keys.get(0);
    }
}
