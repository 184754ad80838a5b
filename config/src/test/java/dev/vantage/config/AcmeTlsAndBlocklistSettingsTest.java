package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** acme.domainBlocklist, acme.tlsCertificate and acme.tlsPrivateKey as Vantage settings. */
class AcmeTlsAndBlocklistSettingsTest {
    private static VantageConfig load(Map<String, String> env, String... flags) {
        return ConfigLoader.load(null, env, List.of(flags));
    }

    @Test
    void byDefaultNothingIsBlockedAndTheTlsIdentityIsGenerated() {
        AcmeConfig acme = load(Map.of()).acme();
        assertEquals(List.of(), acme.domainBlocklist());
        assertEquals("", acme.tlsCertificate());
        assertEquals("", acme.tlsPrivateKey());
    }

    @Test
    void blockedNamesAreStoredLowerCaseWithoutTheTrailingDot() {
        AcmeConfig acme = load(Map.of("VANTAGE_ACME_DOMAIN_BLOCKLIST", "Blocked.Example.,other.test,blocked.example"))
                .acme();
        assertEquals(List.of("blocked.example", "other.test"), acme.domainBlocklist());
    }

    @Test
    void aWildcardIsNotABlockedName() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), "acme.domainBlocklist=*.example"));
        assertTrue(e.getMessage().contains("acme.domainBlocklist = \"*.example\""), e.getMessage());
    }

    @Test
    void theCertificateAndTheKeyComeTogether() {
        AcmeConfig acme = load(Map.of("VANTAGE_ACME_TLS_CERTIFICATE", "cert.pem"), "acme.tlsPrivateKey=key.pem").acme();
        assertEquals("cert.pem", acme.tlsCertificate());
        assertEquals("key.pem", acme.tlsPrivateKey());
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), "acme.tlsCertificate=cert.pem"));
        assertTrue(e.getMessage().contains("acme.tlsPrivateKey = \"\"") && e.getMessage().contains("cert.pem"),
                e.getMessage());
    }
}
