package dev.vantage.validator;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Reads a tls-alpn-01 validation certificate (RFC 8737 §3): self-signed, exactly one subjectAltName
 * naming the identifier (a dNSName, or an iPAddress for IP identifiers, RFC 8738 §6), and exactly
 * one critical acmeIdentifier extension whose value is a DER OCTET STRING holding SHA-256 of the
 * key authorization. BouncyCastle parses the certificate; it rejects repeated extensions, which
 * enforces "exactly one" for both.
 */
final class AcmeCertificate {
    /** id-pe-acmeIdentifier, RFC 8737 §6.1. */
    static final ASN1ObjectIdentifier ACME_IDENTIFIER = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");

    private AcmeCertificate() {
    }

    /** Null when the certificate proves control; otherwise why not, in Let's Encrypt's words. */
    static String problem(X509Certificate certificate, Identifier identifier, String keyAuthorization) {
        if (!selfSigned(certificate)) {
            return "Received certificate which is not self-signed.";
        }
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "Received certificate with unexpected extensions: " + Details.quote(String.valueOf(e.getMessage()));
        }
        String san = sanProblem(holder, identifier);
        return san != null ? san : extensionProblem(holder, keyAuthorization);
    }

    private static boolean selfSigned(X509Certificate certificate) {
        try {
            certificate.verify(certificate.getPublicKey());
            return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String sanProblem(X509CertificateHolder holder, Identifier identifier) {
        Extension extension = holder.getExtension(Extension.subjectAlternativeName);
        GeneralName[] names = extension == null ? new GeneralName[0]
                : GeneralNames.getInstance(extension.getParsedValue()).getNames();
        if (names.length == 1 && matches(names[0], identifier)) {
            return null;
        }
        String why = names.length != 1 ? "wrong number of identifiers" : "identifier does not match expected identifier";
        return "Received certificate with unexpected identifiers (" + Details.quote(String.join(", ", texts(names)))
                + "): " + Details.quote(why);
    }

    private static boolean matches(GeneralName name, Identifier identifier) {
        if (identifier.type() == IdentifierType.DNS) {
            return name.getTagNo() == GeneralName.dNSName
                    && ((ASN1String) name.getName()).getString().equalsIgnoreCase(identifier.value());
        }
        InetAddress expected = Targets.literal(identifier.value());
        return name.getTagNo() == GeneralName.iPAddress && expected != null
                && MessageDigest.isEqual(ASN1OctetString.getInstance(name.getName()).getOctets(), expected.getAddress());
    }

    private static List<String> texts(GeneralName[] names) {
        List<String> out = new ArrayList<>();
        for (GeneralName name : names) {
            if (name.getTagNo() == GeneralName.iPAddress) {
                try {
                    out.add(Targets.text(InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets())));
                } catch (IOException e) {
                    out.add(name.getName().toString());
                }
            } else {
                out.add(name.getName().toString());
            }
        }
        return out;
    }

    private static String extensionProblem(X509CertificateHolder holder, String keyAuthorization) {
        Extension acme = holder.getExtension(ACME_IDENTIFIER);
        if (acme == null) {
            return "Received certificate with no acmeValidationV1 extension.";
        }
        if (!acme.isCritical()) {
            return "Received certificate with acmeValidationV1 extension that is not Critical.";
        }
        byte[] expected = Details.sha256(keyAuthorization);
        byte[] value = digest(acme.getExtnValue().getOctets());
        if (value == null || value.length != expected.length) {
            return "Received certificate with malformed acmeValidationV1 extension value.";
        }
        if (!MessageDigest.isEqual(expected, value)) {
            return "Received certificate with acmeValidationV1 extension value " + HexFormat.of().formatHex(value)
                    + " but expected " + HexFormat.of().formatHex(expected) + ".";
        }
        return null;
    }

    /** The octets of a DER OCTET STRING with nothing after it, or null for anything else. */
    private static byte[] digest(byte[] extensionValue) {
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(extensionValue);
            if (!(parsed instanceof ASN1OctetString octets)
                    || !MessageDigest.isEqual(parsed.getEncoded(ASN1Encoding.DER), extensionValue)) {
                return null;
            }
            return octets.getOctets();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
