package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node's acme-client (client-tests/node/issue.js, run with node) gets certificates from Vantage
 * over http-01 (answered by the script itself) and over dns-01 (its TXT record published through
 * the management API), trusting the listeners through {@code NODE_EXTRA_CA_CERTS}.
 */
final class NodeAcmeClientTest {
    static final Path NODE_DIR = Path.of("node").toAbsolutePath();
    static final int HTTP_PORT = FreePorts.pick(1)[0];

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageExtension.builder()
            .set("validation.httpPort", Integer.toString(HTTP_PORT)).build();

    @TempDir
    static Path tempDir;

    /** Installs acme-client from package-lock.json (npm ci) the first time; needs node and npm. */
    @BeforeAll
    static void nodeAndAcmeClientAreInstalled() {
        Programs.require("node", "nodejs", tempDir);
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/acme-client"))) {
            Programs.require("npm", "npm", tempDir);
            Programs.Result ci = Programs.run(List.of("npm", "ci", "--prefix", NODE_DIR.toString(), "--no-audit",
                    "--no-fund"), Map.of(), tempDir, Programs.TIMEOUT);
            assertEquals(0, ci.exitCode(), "npm ci in client-tests/node failed:\n" + ci.describe());
        }
        assertTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/acme-client")), "acme-client is not installed");
    }

    static List<X509Certificate> issue(VantageServer ca, String domain, String challenge) throws Exception {
        Path trust = tempDir.resolve("vantage-tls-ca.pem");
        Files.writeString(trust, ca.trustPem());
        Programs.Result r = Programs.run(List.of("node", NODE_DIR.resolve("issue.js").toString()), Map.of(
                "NODE_EXTRA_CA_CERTS", trust.toString(),
                "DIRECTORY", ca.directory().toString(),
                "MANAGEMENT", ca.management().toString(),
                "DOMAIN", domain,
                "CHALLENGE", challenge,
                "HTTP_PORT", Integer.toString(HTTP_PORT)), tempDir, Programs.TIMEOUT);
        assertEquals(0, r.exitCode(), r.describe());
        return Certs.parse(r.stdout());
    }

    @Test
    void nodeGetsACertificateOverHttp01(VantageServer ca) throws Exception {
        List<X509Certificate> chain = issue(ca, "node.test", "http-01");
        assertEquals(Set.of("node.test"), Certs.dnsNames(chain.get(0)));
        Certs.assertChainsTo(chain, ca.certificateAuthority().root(0));
        assertEquals("http-01", ca.validations().find(a -> a.identifier().value().equals("node.test"))
                .get(0).challenge().token());
    }

    @Test
    void nodeGetsACertificateOverDns01ThroughTheManagementApi(VantageServer ca) throws Exception {
        List<X509Certificate> chain = issue(ca, "dns.node.test", "dns-01");
        assertEquals(Set.of("dns.node.test"), Certs.dnsNames(chain.get(0)));
        assertEquals("dns-01", ca.validations().find(a -> a.identifier().value().equals("dns.node.test"))
                .get(0).challenge().token());
    }
}
