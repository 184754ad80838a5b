package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading PEM certificates and checking what the CA put in them: SANs and the chain to a root. */
final class Certs {
    /** GeneralName tags (RFC 5280 §4.2.1.6). */
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private Certs() {
    }

    /** Every certificate in a PEM text, in order. */
    static List<X509Certificate> parse(String pem) {
        try {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = certs.stream().map(X509Certificate.class::cast).toList();
            assertFalse(out.isEmpty(), () -> "no certificate in:\n" + pem);
            return out;
        } catch (GeneralSecurityException e) {
            throw new AssertionError("not a PEM certificate list: " + e.getMessage() + "\n" + pem, e);
        }
    }

    /** Every certificate in a PEM file, in order. */
    static List<X509Certificate> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The dNSName SANs. */
    static Set<String> dnsNames(X509Certificate cert) {
        return altNames(cert, DNS_NAME);
    }

    /** The iPAddress SANs, as the JDK renders them. */
    static Set<String> ipAddresses(X509Certificate cert) {
        return altNames(cert, IP_ADDRESS);
    }

    /** The serial number in lower-case hex, as the management API's {@code /cert-status-by-serial/{hex}} takes it. */
    static String serialHex(X509Certificate cert) {
        return cert.getSerialNumber().toString(16);
    }

    /**
     * Validates {@code chain} (leaf first, the root itself not included) up to {@code root} with the
     * JDK's PKIX validator, revocation checking off; fails with the validator's reason otherwise.
     */
    static void assertChainsTo(List<X509Certificate> chain, X509Certificate root) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            List<X509Certificate> path = chain.stream().filter(c -> !c.equals(root)).toList();
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw new AssertionError("chain does not validate to " + root.getSubjectX500Principal() + ": "
                    + e.getMessage() + " (at index " + e.getIndex() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot validate the chain: " + e.getMessage(), e);
        }
    }

    private static Set<String> altNames(X509Certificate cert, int tag) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            Set<String> out = new TreeSet<>();
            if (names != null) {
                for (List<?> name : names) {
                    if (((Integer) name.get(0)) == tag) {
                        out.add((String) name.get(1));
                    }
                }
            }
            return out;
        } catch (CertificateParsingException e) {
            throw new AssertionError("cannot read the subjectAltName of " + cert.getSubjectX500Principal(), e);
        }
    }
}
