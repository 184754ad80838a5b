package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar the README starts ({@code java -jar server/target/vantage.jar}): it starts with
 * embedded defaults, says in one line where everything is, writes {@code vantage-tls-ca.pem} into
 * the working directory so curl and certbot trust it, issues to certbot, and refuses bad
 * configuration with a message naming the key and the value. Listener ports are 0 here so the
 * run never collides with a Vantage already running on the default ports.
 */
final class JarSmokeTest {
    static final Path JAR = Path.of("..", "server", "target", "vantage.jar").toAbsolutePath().normalize();
    static final Pattern READY = Pattern.compile("Vantage ready: ACME directory (https://localhost:(\\d+)/dir) \\| "
            + "management (https://localhost:\\d+) \\|");

    @TempDir
    Path dir;

    static List<String> java(String... args) {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing; build it with: mvn -B package -DskipTests (mvn verify builds it before these tests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void theJarRunsWithEmbeddedDefaultsAndCertbotAndCurlTrustItsTrustFile() throws Exception {
        int httpPort = FreePorts.pick(1)[0];
        Path log = dir.resolve("vantage.log");
        Process vantage = new ProcessBuilder(java("--acme-port", "0", "--management-port", "0", "--dns-port", "0",
                "--http-port", Integer.toString(httpPort))).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            Matcher ready = awaitReady(vantage, log);
            String directory = ready.group(1);
            Path trust = dir.resolve("vantage-tls-ca.pem");
            assertTrue(Files.readString(trust).startsWith("-----BEGIN CERTIFICATE-----"), "trust file in the working directory");
            assertTrue(Files.readString(log).contains("trust file " + trust.toRealPath()), Files.readString(log));

            Programs.require("curl", "curl", dir);
            Programs.Result curl = Programs.run(List.of("curl", "-sS", "--cacert", trust.toString(), directory),
                    Map.of(), dir, Programs.TIMEOUT);
            assertEquals(0, curl.exitCode(), curl.describe());
            assertTrue(curl.stdout().contains("\"newOrder\""), curl.stdout());

            Programs.require("certbot", "certbot", dir);
            Path certbotDir = dir.resolve("certbot");
            Programs.Result certbot = Programs.run(List.of("certbot", "certonly", "--non-interactive", "--agree-tos",
                    "--register-unsafely-without-email", "--server", directory,
                    "--config-dir", certbotDir.resolve("config").toString(),
                    "--work-dir", certbotDir.resolve("work").toString(),
                    "--logs-dir", certbotDir.resolve("logs").toString(),
                    "--standalone", "--http-01-address", "127.0.0.1", "--http-01-port", Integer.toString(httpPort),
                    "-d", "jar.test"), Map.of("REQUESTS_CA_BUNDLE", trust.toString()), dir, Programs.TIMEOUT);
            assertEquals(0, certbot.exitCode(), certbot.describe());
            X509Certificate leaf = Certs.read(certbotDir.resolve("config/live/jar.test/cert.pem")).get(0);
            assertEquals(Set.of("jar.test"), Certs.dnsNames(leaf));
        } finally {
            vantage.destroy();
            if (!vantage.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                vantage.destroyForcibly();
            }
        }
    }

    @Test
    void badConfigurationStopsStartupWithAMessageNamingTheKeyAndTheValue() {
        Programs.Result r = Programs.run(java("--set", "acme.port=99999"), Map.of(), dir, Duration.ofSeconds(60));
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("acme.port") && r.stderr().contains("99999"), r.describe());
        Programs.Result env = Programs.run(java(), Map.of("VANTAGE_PROFILES_CLASSIC_VALID_AUTHZ_LIFETIME", "forever"),
                dir, Duration.ofSeconds(60));
        assertEquals(2, env.exitCode(), env.describe());
        assertTrue(env.stderr().contains("profiles.classic.validAuthzLifetime") && env.stderr().contains("forever"),
                env.describe());
    }

    private static Matcher awaitReady(Process vantage, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = READY.matcher(out);
            if (m.find()) {
                return m;
            }
            if (!vantage.isAlive()) {
                fail("vantage.jar exited with " + vantage.exitValue() + ":\n" + out);
            }
            Thread.sleep(100);
        }
        fail("vantage.jar did not say it was ready within 60 s:\n" + Files.readString(log));
        return null;
    }
}
