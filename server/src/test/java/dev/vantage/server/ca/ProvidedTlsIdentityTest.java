package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.ConfigException;
import dev.vantage.validator.Identifier;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS identity read from PEM files (acme.tlsCertificate, acme.tlsPrivateKey; Pebble's
 * certificate and privateKey): the key forms Go reads, the trust anchor, and the errors.
 */
class ProvidedTlsIdentityTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** A root and a localhost server certificate for {@code serverKeys}, issued by it. */
    record Material(X509Certificate root, X509Certificate server, KeyPair serverKeys) {
        static Material issue(KeyPair serverKeys) {
            X500Name rootName = new X500Name("CN=Provided Test Root");
            Signer rootSigner = Signer.of(rootName, Keys.ec("secp256r1", RANDOM));
            Validity validity = Validity.of(Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(2));
            Serials serials = new Serials(RANDOM);
            X509Certificate root = Certificates.ca(rootName, rootSigner.publicKey(), rootSigner, validity,
                    serials.next(), OptionalInt.of(0), RANDOM);
            X509Certificate server = Certificates.endEntity(new X500Name("CN=localhost"), serverKeys.getPublic(),
                    LeafNames.altNames(List.of(Identifier.dns("localhost"), Identifier.ip("127.0.0.1"))), rootSigner,
                    validity, serials.next(), RANDOM, KeyPurposeId.id_kp_serverAuth);
            return new Material(root, server, serverKeys);
        }
    }

    @Test
    void aChainWithAPkcs8KeyIsServedAndItsTopCertificateTrusted() throws Exception {
        Material m = Material.issue(Keys.ec("secp256r1", RANDOM));
        TlsIdentity identity = TlsIdentity.fromPemFiles(
                write("chain.pem", Pem.certificates(List.of(m.server(), m.root()))),
                write("key.pem", Pem.privateKey(m.serverKeys().getPrivate())), RANDOM);
        assertFalse(identity.generated());
        assertEquals(m.root(), identity.root());
        assertEquals(List.of(m.server(), m.root()), identity.chain());
        assertEquals(2, handshake(identity), "the listener presents the whole chain");
    }

    @Test
    void aLoneCertificateWithAPkcs1RsaKeyIsItsOwnTrustAnchor() throws Exception {
        Material m = Material.issue(Keys.rsa(2048, RANDOM));
        String key = traditional(m.serverKeys().getPrivate());
        assertTrue(key.startsWith("-----BEGIN RSA PRIVATE KEY-----"), key);
        TlsIdentity identity = TlsIdentity.fromPemFiles(write("cert.pem", Pem.certificate(m.server())),
                write("key.pem", key), RANDOM);
        assertEquals(m.server(), identity.root());
        assertEquals(1, handshake(identity));
    }

    @Test
    void aSec1EcKeyAfterItsParametersIsReadEvenFromTheCertificateFile() throws Exception {
        Material m = Material.issue(Keys.ec("secp256r1", RANDOM));
        String key = sec1(m.serverKeys());
        String parameters = pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()));
        String both = write("both.pem", Pem.certificate(m.server()) + parameters + key);
        assertEquals(1, handshake(TlsIdentity.fromPemFiles(both, both, RANDOM)));
    }

    @Test
    void anUnreadableOrUnusableFileNamesTheSettingAndThePath() throws Exception {
        Material m = Material.issue(Keys.ec("secp256r1", RANDOM));
        String cert = write("cert.pem", Pem.certificate(m.server()));
        String key = write("key.pem", Pem.privateKey(m.serverKeys().getPrivate()));
        String otherKey = write("other.pem", Pem.privateKey(Keys.ec("secp256r1", RANDOM).getPrivate()));
        String missing = dir.resolve("missing.pem").toString();
        assertRefused("acme.tlsCertificate", missing, "no such file", missing, key);
        assertRefused("acme.tlsPrivateKey", missing, "no such file", cert, missing);
        assertRefused("acme.tlsCertificate", key, "no CERTIFICATE", key, key);
        assertRefused("acme.tlsPrivateKey", cert, "no PRIVATE KEY", cert, cert);
        assertRefused("acme.tlsPrivateKey", otherKey, "does not belong", cert, otherKey);
        String garbled = write("garbled.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertRefused("acme.tlsCertificate", garbled, "not a PEM certificate file", garbled, key);
        String encrypted = write("encrypted.pem", encrypted(m.serverKeys().getPrivate()));
        assertRefused("acme.tlsPrivateKey", encrypted, "encrypted", cert, encrypted);
    }

    private static void assertRefused(String key, String file, String reason, String certificate, String privateKey) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TlsIdentity.fromPemFiles(certificate, privateKey, RANDOM));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(reason), e.getMessage());
    }

    /** Connects to {@code localhost} trusting only the identity's client context; the number of certificates presented. */
    private static int handshake(TlsIdentity identity) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> echoOnce(server));
            try (SSLSocket client = (SSLSocket) identity.clientContext().getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.getOutputStream().write(9);
                client.getOutputStream().flush();
                assertEquals(9, client.getInputStream().read());
                int presented = client.getSession().getPeerCertificates().length;
                served.get(10, TimeUnit.SECONDS);
                return presented;
            }
        }
    }

    private static void echoOnce(SSLServerSocket server) {
        try (var socket = server.accept()) {
            socket.getOutputStream().write(socket.getInputStream().read());
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    /** OpenSSL's traditional form of an RSA key: PKCS#1. */
    private static String traditional(PrivateKey key) throws IOException {
        return pem(key);
    }

    /** SEC1 as {@code openssl ecparam -genkey} writes it: the curve and the public key inside. */
    private static String sec1(KeyPair keys) throws IOException {
        var publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData();
        var key = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) keys.getPrivate()).getS(),
                publicKey, SECObjectIdentifiers.secp256r1);
        return pem(new PemObject("EC PRIVATE KEY", key.getEncoded()));
    }

    private static String encrypted(PrivateKey key) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setRandom(RANDOM).setPassword("secret".toCharArray()).build();
        return pem(new JcaPKCS8Generator(key, encryptor));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
