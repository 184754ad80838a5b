package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * certbot, run as a process, gets certificates from Vantage: over http-01 with its standalone
 * web server bound to the validation port, and over dns-01 with manual hooks that publish the
 * TXT record through the management API with curl. Each run's config, work and log folders are
 * temporary, and trust comes from {@code REQUESTS_CA_BUNDLE} pointing at Vantage's trust file.
 */
final class CertbotTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @TempDir
    static Path tempDir;

    @BeforeAll
    static void requireCertbot() {
        Programs.require("certbot", "certbot", tempDir);
    }

    /** Runs {@code certbot certonly} against Vantage with everything kept under {@code dir}. */
    static Programs.Result certonly(Path dir, String... args) {
        return Certbot.certonly(ca, dir, args);
    }

    static String explain(Programs.Result result, Path dir) {
        return Certbot.explain(result, dir);
    }

    /** Asserts exit 0, then the lineage's SANs and its chain up to Vantage's root. */
    static void assertIssued(Programs.Result result, Path dir, String name) throws Exception {
        assertEquals(0, result.exitCode(), () -> explain(result, dir));
        Path live = dir.resolve("config/live/" + name);
        assertTrue(Files.exists(live.resolve("cert.pem")), () -> "no " + live + "/cert.pem\n" + explain(result, dir));
        X509Certificate leaf = Certs.read(live.resolve("cert.pem")).get(0);
        assertEquals(Set.of(name), Certs.dnsNames(leaf));
        Certs.assertChainsTo(Certs.read(live.resolve("fullchain.pem")), ca.root());
    }

    @Test
    void certbotStandaloneGetsACertificateOverHttp01OnTheValidationPort() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("http-01"));
        String name = "certbot-http.test";

        Programs.Result result = certonly(dir, Certbot.standalone(ca, name).toArray(String[]::new));

        assertIssued(result, dir, name);
        assertEquals(List.of("http-01 valid"), ca.validations(name), () -> explain(result, dir));
    }

    @Test
    void certbotManualHooksGetACertificateOverDns01ThroughTheManagementApi() throws Exception {
        Programs.require("curl", "curl", tempDir);
        Path dir = Files.createDirectories(tempDir.resolve("dns-01"));
        String name = "certbot-dns.test";

        Programs.Result result = certonly(dir, Certbot.manualDns01(ca, dir, name).toArray(String[]::new));

        assertIssued(result, dir, name);
        assertEquals(List.of("dns-01 valid"), ca.validations(name), () -> explain(result, dir));
        assertEquals("auth " + name + "\ncleanup " + name + "\n", Programs.read(Certbot.hookLog(dir)),
                () -> explain(result, dir));
    }
}
