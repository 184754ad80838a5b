package dev.vantage.server.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One root and the intermediates below it. The issuing intermediate's key is not here: every
 * hierarchy shares it, and {@link CertificateAuthority} holds it once.
 *
 * @param chain the intermediates from the issuing one up to the one the root signed
 */
record Hierarchy(X509Certificate root, PrivateKey rootKey, List<X509Certificate> chain) {

    Hierarchy {
        chain = List.copyOf(chain);
    }

    X509Certificate issuing() {
        return chain.get(0);
    }
}
