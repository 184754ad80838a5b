package dev.vantage.server.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM text (RFC 7468) for certificates and private keys, as the ACME certificate resource
 * ({@code application/pem-certificate-chain}, RFC 8555 §7.4.2) and the management API serve it.
 */
public final class Pem {
    private static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {
    }

    /** The certificates in the given order, each as a {@code CERTIFICATE} block. */
    public static String certificates(List<X509Certificate> certificates) {
        List<PemObject> objects = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            try {
                objects.add(new PemObject(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded: " + certificate.getSubjectX500Principal(), e);
            }
        }
        return write(objects);
    }

    /** One certificate as a {@code CERTIFICATE} block. */
    public static String certificate(X509Certificate certificate) {
        return certificates(List.of(certificate));
    }

    /**
     * The key as an unencrypted PKCS#8 {@code PRIVATE KEY} block (RFC 7468 §10), the form that
     * OpenSSL, Go and Python read without knowing the key type in advance.
     */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key is not PKCS#8-encodable: " + key.getFormat());
        }
        return write(List.of(new PemObject("PRIVATE KEY", key.getEncoded())));
    }

    /**
     * Every {@code CERTIFICATE} block in the text, in order; other blocks are skipped.
     *
     * @throws IllegalArgumentException if a certificate block does not hold a certificate
     */
    public static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> result = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                if (CERTIFICATE.equals(object.getType())) {
                    result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
        }
        return List.copyOf(result);
    }

    /** The first certificate in the text. */
    public static X509Certificate parseCertificate(String pem) {
        List<X509Certificate> all = parseCertificates(pem);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block in the PEM text");
        }
        return all.get(0);
    }

    private static String write(List<PemObject> objects) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
