package dev.vantage.server.http;

import static dev.vantage.server.http.JwsRulesTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.config.ConfigException;
import dev.vantage.config.ConfigLoader;
import dev.vantage.config.VantageConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.ca.Pem;
import dev.vantage.server.ca.TlsIdentity;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vantage started from a Pebble configuration file, as a CI job that used Pebble would start it:
 * the HTTPS listener serves the certificate and key the file names, the domain blocklist refuses
 * names, and Pebble's profiles are offered.
 */
class PebbleConfigFileServerTest {
    private static final TlsIdentity PROVIDED = TlsIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
            Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;
    private VantageServer server;

    @BeforeEach
    void startFromPebblesFile() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"),
                Pem.certificates(List.of(PROVIDED.certificate(), PROVIDED.root())));
        Path key = Files.writeString(dir.resolve("key.pem"), Pem.privateKey(PROVIDED.privateKey()));
        Path file = Files.writeString(dir.resolve("pebble-config.json"), """
                {
                  "pebble": {
                    "listenAddress": "127.0.0.1:0",
                    "managementListenAddress": "127.0.0.1:0",
                    "certificate": %s,
                    "privateKey": %s,
                    "httpPort": 5002,
                    "tlsPort": 5001,
                    "ocspResponderURL": "",
                    "externalAccountBindingRequired": false,
                    "domainBlocklist": ["blocked-domain.example"],
                    "retryAfter": {"authz": 3, "order": 5},
                    "profiles": {
                      "default": {"description": "The profile you know and love", "validityPeriod": 7776000},
                      "shortlived": {"description": "A short-lived cert profile", "validityPeriod": 518400}
                    }
                  }
                }""".formatted(quoted(cert), quoted(key)));
        VantageConfig config = ConfigLoader.load(file, Map.of(),
                List.of("dns.port=0", "acme.trustFile=" + dir.resolve("vantage-tls-ca.pem")));
        server = VantageServer.builder().config(config).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDirectoryIsServedWithTheProvidedCertificateAndTrustedThroughItsTop() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(PROVIDED.root())).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.directory()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(PROVIDED.certificate(), r.sslSession().orElseThrow().getPeerCertificates()[0]);
        JsonNode profiles = TestAcmeClient.json(r).get("meta").get("profiles");
        assertEquals("The profile you know and love", profiles.get("default").asText());
        assertEquals(2, profiles.size(), "Pebble's profiles replace the default ones");
        assertEquals(PROVIDED.rootPem(), server.trustPem());
    }

    @Test
    void noTrustFileIsWrittenForAProvidedCertificate() {
        assertNull(server.trustFile());
        assertFalse(Files.exists(dir.resolve("vantage-tls-ca.pem")));
    }

    @Test
    void aBlockedDomainIsARejectedIdentifierWithItsOwnSubproblem() throws Exception {
        TestAcmeClient c = new TestAcmeClient(server.directory(), server.sslContext());
        c.register();
        HttpResponse<String> r = c.post(c.url("newOrder"), Map.of("identifiers", List.of(
                Map.of("type", "dns", "value", "www.Blocked-Domain.example"),
                Map.of("type", "dns", "value", "allowed.example"))));
        assertProblem(r, 400, "rejectedIdentifier");
        JsonNode subproblems = TestAcmeClient.json(r).get("subproblems");
        assertEquals(1, subproblems.size(), r.body());
        assertEquals("www.Blocked-Domain.example", subproblems.get(0).get("identifier").get("value").asText());
        assertTrue(subproblems.get(0).get("detail").asText().contains("blocked"), r.body());

        HttpResponse<String> allowed = c.post(c.url("newOrder"), Map.of("identifiers", List.of(
                Map.of("type", "dns", "value", "allowed.example"))));
        assertEquals(201, allowed.statusCode(), allowed.body());
        assertEquals("default", TestAcmeClient.json(allowed).get("profile").asText());
    }

    @Test
    void aCertificateFileThatIsMissingStopsStartupNamingTheKeyAndThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("moved.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:0", "certificate": "test/certs/localhost/cert.pem",
                            "privateKey": "test/certs/localhost/key.pem"}}""");
        VantageServer.Builder builder = VantageServer.builder()
                .config(ConfigLoader.load(file, Map.of(), List.of("dns.port=0", "management.port=0")));
        ConfigException e = assertThrows(ConfigException.class, builder::start);
        assertTrue(e.getMessage().startsWith("invalid configuration: acme.tlsCertificate = \"test/certs/localhost/cert.pem\""),
                e.getMessage());
        assertTrue(e.getMessage().contains(Path.of("test/certs/localhost/cert.pem").toAbsolutePath().toString()),
                e.getMessage());
    }

    private static String quoted(Path path) throws Exception {
        return TestAcmeClient.JSON.writeValueAsString(path.toString());
    }

    private static SSLContext trusting(X509Certificate anchor) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("anchor", anchor);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
