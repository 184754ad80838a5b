package dev.vantage.server.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A leaf certificate and every chain it can be served with: one per CA hierarchy, the default
 * first and then the alternates (RFC 8555 §7.4.2 offers those through {@code Link: rel="alternate"}).
 *
 * @param certificate the leaf
 * @param chains      chain n is the leaf followed by the intermediates of hierarchy n
 */
public record IssuedCertificate(X509Certificate certificate, List<List<X509Certificate>> chains) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        chains = chains.stream().map(List::copyOf).toList();
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one chain");
        }
    }

    /** The leaf's serial number. */
    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    /** Hierarchy n's chain as {@code application/pem-certificate-chain}: leaf first, root left out. */
    public String pem(int n) {
        return Pem.certificates(chain(n));
    }

    /** Hierarchy n's chain, leaf first. */
    public List<X509Certificate> chain(int n) {
        if (n < 0 || n >= chains.size()) {
            throw new IndexOutOfBoundsException("no chain " + n + "; there are " + chains.size());
        }
        return chains.get(n);
    }
}
