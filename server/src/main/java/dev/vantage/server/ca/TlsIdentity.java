package dev.vantage.server.ca;

import dev.vantage.config.AcmeConfig;
import dev.vantage.config.ConfigException;
import dev.vantage.validator.Identifier;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The HTTPS identity of the ACME and management listeners: a server certificate issued by a
 * root of its own, separate from the ACME issuing hierarchy so that trusting one never means
 * trusting the other. Clients are pointed at {@link #rootPem()} (certbot through
 * {@code REQUESTS_CA_BUNDLE}, lego through {@code LEGO_CA_CERTIFICATES}, Node through
 * {@code NODE_EXTRA_CA_CERTS}).
 *
 * <p>The certificate is shaped to pass the strictest of those clients: ECDSA P-256, every name in
 * the subject alternative names (Go ignores the common name), serverAuth EKU, key identifiers
 * on both certificates and a critical CA basicConstraints on the root (Python 3.13's strict
 * X.509 checks), and a validity of a year (under the 398 days Apple clients allow).
 *
 * <p>An operator may provide the certificate and key instead ({@code acme.tlsCertificate},
 * {@code acme.tlsPrivateKey}; Pebble's {@code certificate} and {@code privateKey}). Such an
 * identity has no root of Vantage's making: {@link #root()} is then the top certificate of the
 * provided chain (the server certificate itself when the file holds only that), and
 * {@link #generated()} is false.
 */
public final class TlsIdentity {
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration ROOT_LIFETIME = Duration.ofDays(10 * 365 + 2);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(365);
    /** Protects only the in-memory key store the key manager reads; it never reaches disk. */
    private static final char[] STORE_PASSWORD = "vantage".toCharArray();

    private final X509Certificate root;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final boolean generated;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private TlsIdentity(X509Certificate root, List<X509Certificate> chain, PrivateKey privateKey, boolean generated,
                        SecureRandom random) {
        this.root = root;
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
        this.generated = generated;
        this.serverContext = serverContext(this.chain, privateKey, random);
        this.clientContext = clientContext(root, random);
    }

    /**
     * The identity {@code acme} asks for: the PEM files of {@code acme.tlsCertificate} and
     * {@code acme.tlsPrivateKey} when they are set, else a generated one for the given names.
     *
     * @throws ConfigException naming the setting and the file when a file cannot be read or used
     */
    public static TlsIdentity of(AcmeConfig acme, List<String> dnsNames, List<String> ipAddresses, Clock clock,
                                 SecureRandom random) {
        return acme.tlsCertificate().isEmpty()
                ? generate(dnsNames, ipAddresses, clock, random)
                : fromPemFiles(acme.tlsCertificate(), acme.tlsPrivateKey(), random);
    }

    /**
     * Loads a provided identity: {@code certificateFile} holds the server certificate first and
     * any chain after it, {@code keyFile} its unencrypted key (PKCS#8, PKCS#1 RSA or SEC1 EC).
     * The chain is presented as it is (like Go's {@code tls.LoadX509KeyPair}, nothing checks
     * that each certificate issued the one before); {@link #clientContext()} trusts its top
     * certificate.
     *
     * @throws ConfigException naming {@code acme.tlsCertificate} or {@code acme.tlsPrivateKey} and
     *                         the file when it cannot be read, parsed or used
     */
    public static TlsIdentity fromPemFiles(String certificateFile, String keyFile, SecureRandom random) {
        TlsPemFiles.Loaded loaded = TlsPemFiles.load(certificateFile, keyFile, random);
        List<X509Certificate> chain = loaded.chain();
        return new TlsIdentity(chain.get(chain.size() - 1), chain, loaded.key(), false, random);
    }

    /**
     * Generates a root and a server certificate for the given names, for example
     * {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
     *
     * @param clock the real time: clients check this certificate against their own clocks, not
     *              against the CA's adjustable one
     */
    public static TlsIdentity generate(List<String> dnsNames, List<String> ipAddresses, Clock clock, SecureRandom random) {
        List<Identifier> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(Identifier.dns(name)));
        ipAddresses.forEach(address -> names.add(Identifier.ip(IpLiteral.require(address).getHostAddress())));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least one DNS name or IP address");
        }
        Instant now = clock.instant();
        Serials serials = new Serials(random);
        X500Name rootName = Certificates.uniqueName("Vantage TLS Root", random);
        Signer rootSigner = Signer.of(rootName, Keys.ec("secp256r1", random));
        X509Certificate root = Certificates.ca(rootName, rootSigner.publicKey(), rootSigner,
                new Validity(now.minus(BACKDATE), now.plus(ROOT_LIFETIME)), serials.next(), OptionalInt.of(0), random);
        KeyPair serverKeys = Keys.ec("secp256r1", random);
        X509Certificate server = Certificates.endEntity(
                LeafNames.subject(LeafNames.commonName(Optional.empty(), names)), serverKeys.getPublic(),
                LeafNames.altNames(names), rootSigner, new Validity(now.minus(BACKDATE), now.plus(SERVER_LIFETIME)),
                serials.next(), random, KeyPurposeId.id_kp_serverAuth);
        return new TlsIdentity(root, List.of(server), serverKeys.getPrivate(), true, random);
    }

    /** For the HTTPS listeners: presents the server certificate. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** For Java clients and tests: trusts this identity's root and nothing else. */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** The root clients must trust: the generated root, or the top certificate of a provided chain. */
    public X509Certificate root() {
        return root;
    }

    /** True for a generated identity, false for one read from {@code acme.tlsCertificate}. */
    public boolean generated() {
        return generated;
    }

    /** The root as PEM, ready for a client's CA bundle. */
    public String rootPem() {
        return Pem.certificate(root);
    }

    /** The server certificate the listeners present (the first of {@link #chain()}). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** What the listeners present: the server certificate, then any issuers a provided file holds. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The server certificate's private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    private static SSLContext serverContext(List<X509Certificate> chain, PrivateKey key, SecureRandom random) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("server", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, random);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    private static SSLContext clientContext(X509Certificate root, SecureRandom random) {
        try {
            KeyStore store = emptyStore();
            store.setCertificateEntry("vantage-tls-root", root);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), random);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
