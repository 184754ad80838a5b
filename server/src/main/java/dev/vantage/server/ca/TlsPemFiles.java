package dev.vantage.server.ca;

import dev.vantage.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the HTTPS certificate and key an operator provides ({@code acme.tlsCertificate},
 * {@code acme.tlsPrivateKey}; Pebble's {@code certificate} and {@code privateKey}) the way Go's
 * {@code tls.LoadX509KeyPair} does: the certificate file holds the server certificate first and
 * any chain after it; the key file holds one unencrypted key as PKCS#8 ({@code PRIVATE KEY}),
 * PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). Other PEM blocks are skipped,
 * so one file may hold both. Every failure names the setting and the file.
 */
final class TlsPemFiles {
    static final String CERTIFICATE_KEY = "acme.tlsCertificate";
    static final String PRIVATE_KEY_KEY = "acme.tlsPrivateKey";

    /** The certificate chain, server certificate first, and the server certificate's key. */
    record Loaded(List<X509Certificate> chain, PrivateKey key) {
    }

    private TlsPemFiles() {
    }

    static Loaded load(String certificateFile, String keyFile, SecureRandom random) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        requireMatch(chain.get(0), key, keyFile, random);
        return new Loaded(chain, key);
    }

    private static List<X509Certificate> certificates(String file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = parser(CERTIFICATE_KEY, file)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalStateException | IllegalArgumentException e) {
            throw unusable(CERTIFICATE_KEY, file, "not a PEM certificate file (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw unusable(CERTIFICATE_KEY, file, "holds no CERTIFICATE block");
        }
        return List.copyOf(chain);
    }

    private static PrivateKey privateKey(String file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = parser(PRIVATE_KEY_KEY, file)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) { // PKCS#1 or SEC1; SEC1 may leave out the public key
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw unusable(PRIVATE_KEY_KEY, file, "the key is encrypted; provide it unencrypted");
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw unusable(PRIVATE_KEY_KEY, file, "not a PEM private key file (" + e.getMessage() + ")");
        }
        throw unusable(PRIVATE_KEY_KEY, file,
                "holds no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
    }

    private static PEMParser parser(String key, String file) {
        Path path = Path.of(file).toAbsolutePath();
        try {
            Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII);
            return new PEMParser(reader);
        } catch (NoSuchFileException e) {
            throw unusable(key, file, "no such file: " + path);
        } catch (IOException e) {
            throw unusable(key, file, "cannot read " + path + " (" + e + ")");
        }
    }

    /** Signs with the key and verifies with the certificate, so a mismatched pair stops startup, not the first handshake. */
    private static void requireMatch(X509Certificate certificate, PrivateKey key, String keyFile, SecureRandom random) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw unusable(PRIVATE_KEY_KEY, keyFile,
                    "a " + key.getAlgorithm() + " key cannot serve HTTPS here; use RSA, EC or Ed25519");
        };
        byte[] probe = new byte[32];
        random.nextBytes(probe);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key, random);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw unusable(PRIVATE_KEY_KEY, keyFile, "this key does not belong to the first certificate in "
                    + CERTIFICATE_KEY + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }
    }

    private static ConfigException unusable(String key, String file, String reason) {
        return new ConfigException(key, file, reason);
    }
}
