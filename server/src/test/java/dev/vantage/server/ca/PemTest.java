package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.CaConfig;
import dev.vantage.config.KeyAlgorithm;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void certificatesRoundTripInOrder() {
        CertificateAuthority ca = CertificateAuthority.generate(
                new CaConfig(KeyAlgorithm.ECDSA_P256, 2, 0, List.of()), Clock.systemUTC(), RANDOM);
        String pem = Pem.certificates(ca.chain(0));
        assertEquals(2, pem.split("-----BEGIN CERTIFICATE-----", -1).length - 1);
        assertEquals(ca.chain(0), Pem.parseCertificates(pem));
        assertEquals(ca.root(0), Pem.parseCertificate(Pem.certificate(ca.root(0))));
    }

    @Test
    void aPrivateKeyIsWrittenAsPkcs8() throws Exception {
        for (KeyPair keys : List.of(Keys.ec("secp384r1", RANDOM), Keys.rsa(2048, RANDOM))) {
            String pem = Pem.privateKey(keys.getPrivate());
            assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), pem);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance(keys.getPrivate().getAlgorithm());
            assertEquals(keys.getPrivate(), factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
        }
    }

    @Test
    void textWithoutACertificateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pem.parseCertificate("no PEM here"));
        assertThrows(IllegalArgumentException.class,
                () -> Pem.parseCertificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }
}
