package dev.vantage.server.ca;

import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 v3 certificates with BouncyCastle. Every certificate carries a subject
 * key identifier and, unless self-signed, an authority key identifier (RFC 5280 §4.2.1.1-2), so
 * clients can match a leaf to whichever cross-signed intermediate they hold.
 */
final class Certificates {

    private Certificates() {
    }

    /**
     * A common name of {@code prefix} and a random suffix, so that two instances (two test runs,
     * two servers) never present the same CA name.
     */
    static X500Name uniqueName(String prefix, SecureRandom random) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, prefix + " " + HexFormat.of().formatHex(suffix))
                .build();
    }

    /**
     * A CA certificate: basicConstraints cA=true (critical, with pathLen when given) and keyUsage
     * keyCertSign + cRLSign (critical), as RFC 5280 §4.2.1.3/§4.2.1.9 and BR §7.1.2 ask.
     */
    static X509Certificate ca(X500Name subject, PublicKey key, Signer issuer, Validity validity,
                              BigInteger serial, OptionalInt pathLen, SecureRandom random) {
        X509v3CertificateBuilder builder = start(subject, key, issuer, validity, serial);
        BasicConstraints constraints = pathLen.isPresent()
                ? new BasicConstraints(pathLen.getAsInt())
                : new BasicConstraints(true);
        extension(builder, Extension.basicConstraints, true, constraints);
        extension(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, issuer, random);
    }

    /**
     * A TLS server certificate. keyUsage is digitalSignature, plus keyEncipherment for RSA keys
     * (RSA key exchange in TLS 1.2, BR §7.1.2.7.11); the subject alternative names are critical
     * when the subject is empty (RFC 5280 §4.2.1.6).
     */
    static X509Certificate endEntity(X500Name subject, PublicKey key, GeneralNames names, Signer issuer,
                                     Validity validity, BigInteger serial, SecureRandom random,
                                     KeyPurposeId... purposes) {
        X509v3CertificateBuilder builder = start(subject, key, issuer, validity, serial);
        int usage = key instanceof RSAPublicKey
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        extension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        extension(builder, Extension.keyUsage, true, new KeyUsage(usage));
        extension(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
        extension(builder, Extension.subjectAlternativeName, subject.getRDNs().length == 0, names);
        return sign(builder, issuer, random);
    }

    private static X509v3CertificateBuilder start(X500Name subject, PublicKey key, Signer issuer,
                                                  Validity validity, BigInteger serial) {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer.name(), serial, validity.start(), validity.end(), subject, key);
        JcaX509ExtensionUtils utils = extensionUtils();
        extension(builder, Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (!Keys.same(key, issuer.publicKey())) {
            extension(builder, Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.publicKey()));
        }
        return builder;
    }

    private static void extension(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid,
                                  boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, Signer issuer, SecureRandom random) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(issuer.publicKey()))
                    .setSecureRandom(random)
                    .build(issuer.privateKey());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate with " + issuer.name(), e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is missing from this JDK", e);
        }
    }
}
