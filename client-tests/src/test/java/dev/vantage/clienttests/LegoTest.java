package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * lego, run as a process, gets certificates from Vantage with each of its built-in solvers: its
 * own http-01 server on the validation port (which also insists on the right Host header), its
 * own tls-alpn-01 server, and dns-01 through the {@code exec} provider writing TXT records into
 * the embedded DNS with curl, lego's own lookups aimed at that DNS server. Trust comes from
 * {@code LEGO_CA_CERTIFICATES}.
 */
final class LegoTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @TempDir
    static Path tempDir;

    @BeforeAll
    static void requireLego() {
        Programs.require("lego", "lego", tempDir);
    }

    /** Runs {@code lego ... run} for {@code name} with its data under {@code dir}; {@code solver} picks the challenge. */
    static Programs.Result run(Path dir, String name, Map<String, String> environment, String... solver) {
        List<String> command = new ArrayList<>(List.of("lego", "--server", ca.directory().toString(),
                "--accept-tos", "--email", "test@example.test", "--path", dir.toString(), "--domains", name));
        command.addAll(List.of(solver));
        command.add("run");
        Map<String, String> env = new HashMap<>(environment);
        env.put("LEGO_CA_CERTIFICATES", ca.trustFile().toString());
        return Programs.run(command, env, dir, Programs.TIMEOUT);
    }

    /** Asserts exit 0, then the certificate file's SANs and its chain up to Vantage's root. */
    static void assertIssued(Programs.Result result, Path dir, String name) throws Exception {
        assertEquals(0, result.exitCode(), result::describe);
        Path crt = dir.resolve("certificates/" + name + ".crt");
        assertTrue(Files.exists(crt), () -> "no " + crt + "\n" + result.describe());
        List<X509Certificate> chain = Certs.read(crt);
        assertEquals(Set.of(name), Certs.dnsNames(chain.get(0)));
        Certs.assertChainsTo(chain, ca.root());
    }

    @Test
    void legoGetsACertificateOverHttp01WithItsOwnServerOnTheValidationPort() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("http-01"));
        String name = "lego-http.test";

        Programs.Result result = run(dir, name, Map.of(), "--http", "--http.port", "127.0.0.1:" + ca.httpPort());

        assertIssued(result, dir, name);
        assertEquals(List.of("http-01 valid"), ca.validations(name), result::describe);
    }

    @Test
    void legoGetsACertificateOverTlsAlpn01WithItsOwnServerOnTheValidationPort() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("tls-alpn-01"));
        String name = "lego-alpn.test";

        Programs.Result result = run(dir, name, Map.of(), "--tls", "--tls.port", "127.0.0.1:" + ca.tlsAlpnPort());

        assertIssued(result, dir, name);
        assertEquals(List.of("tls-alpn-01 valid"), ca.validations(name), result::describe);
    }

    @Test
    void legoGetsACertificateOverDns01WithTheExecProviderWritingToTheEmbeddedDns() throws Exception {
        Programs.require("curl", "curl", tempDir);
        Path dir = Files.createDirectories(tempDir.resolve("dns-01"));
        String name = "lego-dns.test";
        Path hookLog = dir.resolve("hooks.log");
        // lego calls: <script> present|cleanup <fqdn with trailing dot> <TXT value>
        Path script = Programs.script(dir.resolve("dns-exec.sh"), """
                echo "$1 $2" >> '%s'
                case "$1" in
                  present) route=set-txt; body='{"host":"'"$2"'","value":"'"$3"'"}' ;;
                  cleanup) route=clear-txt; body='{"host":"'"$2"'"}' ;;
                  *) exit 0 ;;
                esac
                curl -sS --fail --cacert '%s' -X POST "%s/$route" -d "$body"
                """.formatted(hookLog, ca.trustFile(), ca.server().management()));

        Programs.Result result = run(dir, name, Map.of("EXEC_PATH", script.toString()), "--dns", "exec",
                "--dns.resolvers", "127.0.0.1:" + ca.server().dnsPort(), "--dns.disable-cp");

        assertIssued(result, dir, name);
        assertEquals(List.of("dns-01 valid"), ca.validations(name), result::describe);
        String fqdn = "_acme-challenge." + name + ".";
        assertEquals("present " + fqdn + "\ncleanup " + fqdn + "\n", Programs.read(hookLog), result::describe);
    }
}
