package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.server.VantageServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * One Vantage running in this JVM for one test class: ACME, management and DNS on ephemeral
 * loopback ports, validation aimed at two free loopback ports, and the TLS trust PEM written to a
 * temporary folder so processes (certbot, lego, curl) can trust the listeners. Also a small client
 * for the management API, which is HTTPS under the same TLS root as ACME.
 */
final class VantageFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VantageServer server;
    private final HttpClient management;

    private VantageFixture(VantageServer server) {
        this.server = server;
        this.management = HttpClient.newBuilder().sslContext(server.sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts Vantage with its embedded defaults plus {@code settings} (dotted keys). */
    static VantageFixture start(Path tempDir, Map<String, String> settings) {
        int[] ports = FreePorts.pick(2);
        VantageServer.Builder builder = VantageServer.builder().ephemeralPorts()
                .set("validation.httpPort", Integer.toString(ports[0]))
                .set("validation.tlsAlpnPort", Integer.toString(ports[1]))
                .set("acme.trustFile", tempDir.resolve("vantage-tls-ca.pem").toString());
        settings.forEach(builder::set);
        return new VantageFixture(builder.start());
    }

    static VantageFixture start(Path tempDir) {
        return start(tempDir, Map.of());
    }

    VantageServer server() {
        return server;
    }

    URI directory() {
        return server.directory();
    }

    /** Where http-01 validation connects: serve challenges on 127.0.0.1 at this port. */
    int httpPort() {
        return server.config().validation().httpPort();
    }

    /** Where tls-alpn-01 validation connects: serve challenges on 127.0.0.1 at this port. */
    int tlsAlpnPort() {
        return server.config().validation().tlsAlpnPort();
    }

    /** The PEM file holding the root of the listeners' HTTPS certificate. */
    Path trustFile() {
        return server.trustFile();
    }

    /** GET on the management API; fails unless it answers 200. */
    String managementGet(String path) {
        return send(HttpRequest.newBuilder(server.management().resolve(path)).GET());
    }

    /** POST of a JSON body to the management API; fails unless it answers 200. */
    String managementPost(String path, String json) {
        return send(HttpRequest.newBuilder(server.management().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The ACME hierarchy's first root, as the management API hands it out ({@code /roots/0}). */
    X509Certificate root() {
        return Certs.parse(managementGet("/roots/0")).get(0);
    }

    /** {@code Status} of {@code /cert-status-by-serial/{hex}}: "Valid" or "Revoked". */
    String certificateStatus(X509Certificate cert) {
        return json(managementGet("/cert-status-by-serial/" + Certs.serialHex(cert))).get("Status").asText();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = management.send(built, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), () -> built.method() + " " + built.uri() + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
