package dev.vantage.server.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Test helpers: JDK path validation and reading key identifiers. */
final class Pkix {

    private Pkix() {
    }

    /** Validates the chain (leaf first, root left out) against the root at the given time; revocation off. */
    static void verify(List<X509Certificate> chain, X509Certificate root, Instant at) throws GeneralSecurityException {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    static byte[] subjectKeyId(X509Certificate certificate) throws IOException {
        return SubjectKeyIdentifier.getInstance(value(certificate, Extension.subjectKeyIdentifier)).getKeyIdentifier();
    }

    static byte[] authorityKeyId(X509Certificate certificate) throws IOException {
        return AuthorityKeyIdentifier.getInstance(value(certificate, Extension.authorityKeyIdentifier)).getKeyIdentifier();
    }

    private static Object value(X509Certificate certificate, ASN1ObjectIdentifier oid) throws IOException {
        byte[] raw = certificate.getExtensionValue(oid.getId());
        if (raw == null) {
            throw new AssertionError("no extension " + oid + " in " + certificate.getSubjectX500Principal());
        }
        return JcaX509ExtensionUtils.parseExtensionValue(raw);
    }
}
