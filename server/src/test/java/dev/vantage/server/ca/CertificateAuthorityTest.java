package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.CaConfig;
import dev.vantage.config.KeyAlgorithm;
import dev.vantage.validator.Identifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateAuthorityTest {
    private static final Instant NOW = Instant.parse("2031-05-06T07:08:09Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<Identifier> NAMES = List.of(Identifier.dns("www.example.test"), Identifier.ip("192.0.2.7"));

    static Stream<Arguments> hierarchies() {
        return Stream.of(
                Arguments.of(KeyAlgorithm.ECDSA_P256, 1, 2),
                Arguments.of(KeyAlgorithm.ECDSA_P256, 3, 2),
                Arguments.of(KeyAlgorithm.ECDSA_P384, 1, 1),
                Arguments.of(KeyAlgorithm.RSA_2048, 1, 1),
                Arguments.of(KeyAlgorithm.RSA_2048, 3, 1),
                Arguments.of(KeyAlgorithm.RSA_3072, 1, 0));
    }

    @ParameterizedTest(name = "a leaf from a {0} CA with chain length {1} and {2} alternate roots verifies under every root")
    @MethodSource("hierarchies")
    void leafVerifiesUnderEveryRoot(KeyAlgorithm algorithm, int chainLength, int alternates) throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(new CaConfig(algorithm, chainLength, alternates, List.of()), CLOCK, RANDOM);
        Instant notBefore = NOW.plus(Duration.ofDays(30));
        IssuedCertificate issued = ca.issue(csr(Keys.ec("secp256r1", RANDOM)), NAMES, notBefore, Duration.ofDays(90));

        assertEquals(alternates + 1, ca.hierarchies());
        assertEquals(alternates + 1, issued.chains().size());
        for (int n = 0; n < ca.hierarchies(); n++) {
            List<X509Certificate> chain = issued.chain(n);
            assertEquals(chainLength + 1, chain.size(), "leaf plus the intermediates");
            assertEquals(ca.chain(n), chain.subList(1, chain.size()));
            Pkix.verify(chain, ca.root(n), notBefore.plus(Duration.ofHours(1)));
        }
        if (alternates > 0) {
            assertThrows(CertPathValidatorException.class,
                    () -> Pkix.verify(issued.chain(0), ca.root(1), notBefore.plus(Duration.ofHours(1))),
                    "hierarchy 0's chain leads to root 0 only");
        }
    }

    @Test
    void issuingIntermediatesOfAllHierarchiesShareTheirKeyAndSubject() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(new CaConfig(KeyAlgorithm.ECDSA_P256, 2, 2, List.of()), CLOCK, RANDOM);
        Set<Object> roots = new HashSet<>();
        for (int n = 0; n < ca.hierarchies(); n++) {
            assertEquals(ca.intermediate(0).getSubjectX500Principal(), ca.intermediate(n).getSubjectX500Principal());
            assertEquals(ca.intermediate(0).getPublicKey(), ca.intermediate(n).getPublicKey());
            assertEquals(ca.intermediate(n), ca.chain(n).get(0));
            assertEquals(ca.root(n).getSubjectX500Principal(), ca.chain(n).get(1).getIssuerX500Principal());
            assertTrue(roots.add(ca.root(n).getSubjectX500Principal()), "each hierarchy has its own root");
            assertTrue(roots.add(ca.chain(n).get(1).getSubjectX500Principal()), "and its own upper intermediate");
            assertMatches(ca.root(n).getPublicKey(), ca.rootKey(n));
            assertMatches(ca.intermediate(n).getPublicKey(), ca.intermediateKey(n));
        }
    }

    @Test
    void caCertificatesCarryCaExtensionsAndCoverTheirLeaves() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(new CaConfig(KeyAlgorithm.ECDSA_P256, 3, 0, List.of()), CLOCK, RANDOM);
        X509Certificate root = ca.root(0);
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints(), "CA without a path length limit");
        assertTrue(root.getNotBefore().toInstant().isBefore(NOW));
        assertTrue(root.getNotAfter().toInstant().isAfter(NOW.plus(Duration.ofDays(29 * 365))));
        List<X509Certificate> chain = ca.chain(0);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate intermediate = chain.get(i);
            assertEquals(i, intermediate.getBasicConstraints(), "pathLen counts the intermediates below");
            assertTrue(intermediate.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints is critical");
            X509Certificate parent = i + 1 < chain.size() ? chain.get(i + 1) : root;
            assertArrayEquals(Pkix.subjectKeyId(parent), Pkix.authorityKeyId(intermediate));
            assertTrue(intermediate.getNotAfter().before(root.getNotAfter()), "intermediates live shorter than the root");
            assertTrue(intermediate.getNotAfter().toInstant().isAfter(NOW.plus(Duration.ofDays(5 * 365))));
        }
        for (X509Certificate certificate : List.of(root, chain.get(0), chain.get(2))) {
            boolean[] usage = certificate.getKeyUsage();
            assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
            assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.15"), "keyUsage is critical");
        }
    }

    @Test
    void twoInstancesNeverLookTheSame() {
        CaConfig config = new CaConfig(KeyAlgorithm.ECDSA_P256, 1, 0, List.of());
        CertificateAuthority one = CertificateAuthority.generate(config, CLOCK, RANDOM);
        CertificateAuthority two = CertificateAuthority.generate(config, CLOCK, RANDOM);
        String rootName = one.root(0).getSubjectX500Principal().getName();
        assertTrue(rootName.matches("CN=Vantage Root CA [0-9a-f]{6}"), rootName);
        assertTrue(one.intermediate(0).getSubjectX500Principal().getName().matches("CN=Vantage Intermediate CA [0-9a-f]{6}"));
        assertNotEquals(rootName, two.root(0).getSubjectX500Principal().getName());
        assertNotEquals(one.root(0).getPublicKey(), two.root(0).getPublicKey());
    }

    @Test
    void anUnknownHierarchyIsAnError() {
        CertificateAuthority ca = CertificateAuthority.generate(new CaConfig(KeyAlgorithm.ECDSA_P256, 1, 1, List.of()), CLOCK, RANDOM);
        assertThrows(IndexOutOfBoundsException.class, () -> ca.root(2));
        assertThrows(IndexOutOfBoundsException.class, () -> ca.chain(-1));
    }

    static Csr csr(KeyPair keys) {
        return new Csr(keys.getPublic(), NAMES, Optional.empty());
    }

    static void assertMatches(PublicKey publicKey, PrivateKey privateKey) throws GeneralSecurityException {
        String algorithm = Keys.signatureAlgorithm(publicKey);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature), "the private key belongs to the certificate's public key");
    }
}
