package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.CaConfig;
import dev.vantage.config.KeyAlgorithm;
import dev.vantage.validator.Identifier;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuanceTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CertificateAuthority CA = CertificateAuthority.generate(
            new CaConfig(KeyAlgorithm.ECDSA_P256, 1, 1, List.of()), Clock.fixed(NOW, ZoneOffset.UTC), RANDOM);
    private static final KeyPair EC_KEY = Keys.ec("secp256r1", RANDOM);

    @Test
    void aLeafCarriesTheValidityItWasAskedFor() {
        Instant notBefore = NOW.plus(Duration.ofDays(45)).plusMillis(789);
        X509Certificate leaf = issue(List.of(Identifier.dns("a.example.test")), Optional.empty(), notBefore, Duration.ofHours(160));
        Instant expected = Instant.parse("2030-02-16T03:04:05Z");
        assertEquals(expected, leaf.getNotBefore().toInstant(), "whole seconds, as X.509 encodes them");
        assertEquals(expected.plus(Duration.ofHours(160)), leaf.getNotAfter().toInstant());
    }

    @Test
    void aLeafIsAServerCertificateNamingEveryIdentifier() throws Exception {
        List<Identifier> names = List.of(Identifier.dns("www.example.test"), Identifier.dns("*.example.test"),
                Identifier.ip("192.0.2.7"), Identifier.ip("2001:db8::1"));
        IssuedCertificate issued = CA.issue(new Csr(EC_KEY.getPublic(), names, Optional.empty()), names, NOW, Duration.ofDays(90));
        X509Certificate leaf = issued.certificate();

        assertEquals(List.of(List.of(2, "www.example.test"), List.of(2, "*.example.test"),
                List.of(7, "192.0.2.7"), List.of(7, InetAddress.getByName("2001:db8::1").getHostAddress())),
                List.copyOf(leaf.getSubjectAlternativeNames()));
        assertEquals("CN=www.example.test", leaf.getSubjectX500Principal().getName());
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
        assertFalse(leaf.getCriticalExtensionOIDs().contains("2.5.29.17"), "SAN is not critical beside a subject");
        boolean[] usage = leaf.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertFalse(usage[2], "no keyEncipherment for an EC key");
        assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertArrayEquals(Pkix.subjectKeyId(CA.intermediate(0)), Pkix.authorityKeyId(leaf));
        assertEquals(EC_KEY.getPublic(), leaf.getPublicKey());
        assertEquals(CA.intermediate(1).getSubjectX500Principal(), leaf.getIssuerX500Principal());
    }

    @Test
    void anRsaLeafAlsoAllowsKeyEncipherment() {
        KeyPair rsa = Keys.rsa(2048, RANDOM);
        List<Identifier> names = List.of(Identifier.dns("rsa.example.test"));
        X509Certificate leaf = CA.issue(new Csr(rsa.getPublic(), names, Optional.empty()), names, NOW, Duration.ofDays(1)).certificate();
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[2], "digitalSignature and keyEncipherment");
    }

    @Test
    void serialsArePositiveRandomAndUnique() {
        List<Identifier> names = List.of(Identifier.dns("a.example.test"));
        IssuedCertificate one = CA.issue(new Csr(EC_KEY.getPublic(), names, Optional.empty()), names, NOW, Duration.ofDays(1));
        IssuedCertificate two = CA.issue(new Csr(EC_KEY.getPublic(), names, Optional.empty()), names, NOW, Duration.ofDays(1));
        assertEquals(one.serial(), one.certificate().getSerialNumber());
        assertEquals(1, one.serial().signum());
        assertTrue(one.serial().bitLength() > 128, "at least 16 random bytes");
        assertTrue(one.serial().toByteArray().length <= 20, "RFC 5280 §4.1.2.2 caps serials at 20 octets");
        assertNotEquals(one.serial(), two.serial());
    }

    @Test
    void theCsrsCommonNameIsKeptWhenItIsOneOfTheNames() {
        List<Identifier> names = List.of(Identifier.dns("a.example.test"), Identifier.dns("b.example.test"));
        X509Certificate leaf = issue(names, Optional.of("B.example.test"), NOW, Duration.ofDays(1));
        assertEquals("CN=b.example.test", leaf.getSubjectX500Principal().getName());
    }

    @Test
    void aNameLongerThan64CharactersIsNotTheCommonName() {
        String longName = "a".repeat(60) + ".example.test";
        List<Identifier> names = List.of(Identifier.dns(longName), Identifier.dns("short.example.test"));
        X509Certificate leaf = issue(names, Optional.empty(), NOW, Duration.ofDays(1));
        assertEquals("CN=short.example.test", leaf.getSubjectX500Principal().getName());
    }

    @Test
    void aLeafForAnIpAddressAloneHasAnEmptySubjectAndACriticalSan() throws Exception {
        X509Certificate leaf = issue(List.of(Identifier.ip("198.51.100.4")), Optional.empty(), NOW, Duration.ofDays(1));
        assertEquals("", leaf.getSubjectX500Principal().getName());
        assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.17"), "RFC 5280 §4.2.1.6");
        Pkix.verify(List.of(leaf, CA.intermediate(0)), CA.root(0), NOW.plusSeconds(60));
    }

    @Test
    void aChainsPemIsTheLeafFollowedByTheIntermediates() {
        List<Identifier> names = List.of(Identifier.dns("pem.example.test"));
        IssuedCertificate issued = CA.issue(new Csr(EC_KEY.getPublic(), names, Optional.empty()), names, NOW, Duration.ofDays(1));
        assertEquals(List.of(issued.certificate(), CA.intermediate(1)), Pem.parseCertificates(issued.pem(1)));
        assertTrue(issued.pem(0).startsWith("-----BEGIN CERTIFICATE-----"));
        assertThrows(IndexOutOfBoundsException.class, () -> issued.pem(2));
    }

    @Test
    void aCertificateNeedsAnIdentifier() {
        Csr csr = new Csr(EC_KEY.getPublic(), List.of(), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> CA.issue(csr, List.of(), NOW, Duration.ofDays(1)));
    }

    private static X509Certificate issue(List<Identifier> names, Optional<String> commonName, Instant notBefore, Duration validity) {
        return CA.issue(new Csr(EC_KEY.getPublic(), names, commonName), names, notBefore, validity).certificate();
    }
}
