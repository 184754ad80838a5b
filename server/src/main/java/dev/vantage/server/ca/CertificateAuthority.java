package dev.vantage.server.ca;

import dev.vantage.config.CaConfig;
import dev.vantage.validator.Identifier;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The in-memory certificate authority: hierarchy 0 plus the configured alternate hierarchies,
 * each a self-signed root and {@link CaConfig#chainLength()} intermediates. As in Pebble, the
 * issuing intermediates of all hierarchies share one key pair and one subject name, so every
 * leaf verifies under every root and can be served with one chain per hierarchy.
 *
 * <p>Names carry a random suffix so that two instances (two test runs, two servers) never
 * present the same root. Instances are immutable apart from the record of serials issued, and
 * safe to share between threads.
 */
public final class CertificateAuthority {
    /** Covers a caller that backdates leaves (Let's Encrypt backdates by an hour) or clock skew. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration ROOT_LIFETIME = Duration.ofDays(30 * 365 + 7);
    private static final Duration INTERMEDIATE_LIFETIME = Duration.ofDays(10 * 365 + 2);

    private final List<Hierarchy> hierarchies;
    private final Signer issuer;
    private final Serials serials;
    private final SecureRandom random;

    private CertificateAuthority(List<Hierarchy> hierarchies, Signer issuer, Serials serials, SecureRandom random) {
        this.hierarchies = List.copyOf(hierarchies);
        this.issuer = issuer;
        this.serials = serials;
        this.random = random;
    }

    /**
     * Generates the keys and certificates of {@code 1 + config.alternateRoots()} hierarchies,
     * valid from a day before {@code clock.instant()}.
     */
    public static CertificateAuthority generate(CaConfig config, Clock clock, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        Instant now = clock.instant();
        Serials serials = new Serials(random);
        Signer issuing = intermediate(config, random);
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (int n = 0; n <= config.alternateRoots(); n++) {
            hierarchies.add(hierarchy(config, issuing, now, serials, random));
        }
        return new CertificateAuthority(hierarchies, issuing, serials, random);
    }

    private static Hierarchy hierarchy(CaConfig config, Signer issuing, Instant now, Serials serials, SecureRandom random) {
        KeyPair rootKeys = Keys.generate(config.keyAlgorithm(), random);
        Signer parent = Signer.of(Certificates.uniqueName("Vantage Root CA", random), rootKeys);
        // No pathLen on the root, like ISRG Root X1: the trust anchor's constraints are not processed (RFC 5280 §6.1).
        X509Certificate root = Certificates.ca(parent.name(), parent.publicKey(), parent,
                new Validity(now.minus(BACKDATE), now.plus(ROOT_LIFETIME)), serials.next(), OptionalInt.empty(), random);
        Validity validity = new Validity(now.minus(BACKDATE), now.plus(INTERMEDIATE_LIFETIME));
        List<X509Certificate> chain = new ArrayList<>();
        int length = config.chainLength();
        for (int level = 1; level <= length; level++) {
            Signer subject = level == length ? issuing : intermediate(config, random);
            // pathLen = intermediates that may still follow below this one (RFC 5280 §4.2.1.9).
            chain.add(0, Certificates.ca(subject.name(), subject.publicKey(), parent, validity,
                    serials.next(), OptionalInt.of(length - level), random));
            parent = subject;
        }
        return new Hierarchy(root, rootKeys.getPrivate(), chain);
    }

    /** A fresh intermediate's name and keys. */
    private static Signer intermediate(CaConfig config, SecureRandom random) {
        return Signer.of(Certificates.uniqueName("Vantage Intermediate CA", random),
                Keys.generate(config.keyAlgorithm(), random));
    }

    /**
     * Issues a leaf for the identifiers, signed by the shared issuing intermediate (RFC 8555 §7.4).
     *
     * @param csr         an accepted CSR; its key is certified and its common name preferred
     * @param identifiers the order's identifiers, each becoming a subject alternative name
     * @param notBefore   the start of validity, from the caller's (adjustable) clock
     * @param validity    how long the leaf is valid; notAfter = notBefore + validity
     */
    public IssuedCertificate issue(Csr csr, List<Identifier> identifiers, Instant notBefore, Duration validity) {
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one identifier");
        }
        BigInteger serial = serials.next();
        X500Name subject = LeafNames.subject(LeafNames.commonName(csr.commonName(), identifiers));
        X509Certificate leaf = Certificates.endEntity(subject, csr.publicKey(), LeafNames.altNames(identifiers),
                issuer, Validity.of(notBefore, validity), serial, random,
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        List<List<X509Certificate>> chains = new ArrayList<>();
        for (Hierarchy hierarchy : hierarchies) {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            chain.addAll(hierarchy.chain());
            chains.add(chain);
        }
        return new IssuedCertificate(leaf, chains);
    }

    /** How many hierarchies there are: 1 + the configured alternate roots. */
    public int hierarchies() {
        return hierarchies.size();
    }

    /** The self-signed root of hierarchy n (Pebble's {@code /roots/{n}}). */
    public X509Certificate root(int n) {
        return hierarchy(n).root();
    }

    /** The root's private key (Pebble's {@code /root-keys/{n}}); a test CA has nothing to hide. */
    public PrivateKey rootKey(int n) {
        return hierarchy(n).rootKey();
    }

    /** The issuing intermediate of hierarchy n (Pebble's {@code /intermediates/{n}}). */
    public X509Certificate intermediate(int n) {
        return hierarchy(n).issuing();
    }

    /** The issuing intermediate's private key, the same for every n (Pebble's {@code /intermediate-keys/{n}}). */
    public PrivateKey intermediateKey(int n) {
        hierarchy(n); // refuses an n that names no hierarchy, as the other accessors do
        return issuer.privateKey();
    }

    /** Hierarchy n's intermediates from the issuing one up to, not including, the root. */
    public List<X509Certificate> chain(int n) {
        return hierarchy(n).chain();
    }

    private Hierarchy hierarchy(int n) {
        if (n < 0 || n >= hierarchies.size()) {
            throw new IndexOutOfBoundsException("no hierarchy " + n + "; there are " + hierarchies.size());
        }
        return hierarchies.get(n);
    }
}
