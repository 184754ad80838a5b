package dev.vantage.server.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds PKCS#10 requests the way ACME clients do, for the CSR policy tests. */
final class TestCsrs {

    private TestCsrs() {
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    static GeneralName email(String address) {
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    /** A DER CSR signed with the key's usual algorithm; commonName may be null. */
    static byte[] csr(KeyPair keys, String commonName, List<GeneralName> altNames) {
        return csr(keys, commonName, altNames, Keys.signatureAlgorithm(keys.getPublic()));
    }

    static byte[] csr(KeyPair keys, String commonName, List<GeneralName> altNames, String signatureAlgorithm) {
        // RDNs built by hand: X500NameBuilder refuses a common name over 64 characters, which a test needs.
        RDN organization = new RDN(BCStyle.O, new DERUTF8String("Vantage tests"));
        X500Name name = commonName == null
                ? new X500Name(new RDN[] {organization})
                : new X500Name(new RDN[] {organization, new RDN(BCStyle.CN, new DERUTF8String(commonName))});
        PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(name, keys.getPublic());
        try {
            if (!altNames.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(GeneralName[]::new)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate())).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same request with one bit of its signature flipped. */
    static byte[] tampered(byte[] der) {
        byte[] copy = der.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
