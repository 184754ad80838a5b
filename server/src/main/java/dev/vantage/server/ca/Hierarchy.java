package dev.vantage.server.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One root and the intermediates below it.
 *
 * @param chain      the intermediates from the issuing one up to the one the root signed
 * @param issuingKey the issuing intermediate's private key, shared by all hierarchies
 */
record Hierarchy(X509Certificate root, PrivateKey rootKey, List<X509Certificate> chain, PrivateKey issuingKey) {

    Hierarchy {
        chain = List.copyOf(chain);
    }

    X509Certificate issuing() {
        return chain.get(0);
    }
}
