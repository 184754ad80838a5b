package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.VantageExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every end-to-end test class shares about its Vantage. The server itself comes from the
 * project's JUnit extension, registered in each class as
 * {@code @RegisterExtension static final VantageExtension VANTAGE = VantageFixture.extension();}:
 * one server per class on ephemeral loopback ports, reset after every test, with validation aimed
 * at two free loopback ports and the TLS trust PEM written to a fresh temporary folder so processes
 * (certbot, lego, curl) can trust the listeners. This class wraps {@code VANTAGE.server()} with the
 * ports, the trust file and a small client for the management API, which is HTTPS under the same
 * TLS root as ACME.
 */
final class VantageFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VantageExtension extension;
    private VantageServer clientFor;
    private HttpClient management;

    private VantageFixture(VantageExtension extension) {
        this.extension = extension;
    }

    /** The helpers for the server {@code extension} runs. */
    static VantageFixture of(VantageExtension extension) {
        return new VantageFixture(extension);
    }

    /**
     * A class-wide Vantage with its embedded defaults, reset after every test (accounts,
     * authorizations, history, clock, DNS records and profiles; the CA and its root stay).
     */
    static VantageExtension extension() {
        int[] ports = FreePorts.pick(2);
        return VantageExtension.builder()
                .set("validation.httpPort", Integer.toString(ports[0]))
                .set("validation.tlsAlpnPort", Integer.toString(ports[1]))
                .set("acme.trustFile", freshTrustFile().toString())
                .resetBetweenTests()
                .build();
    }

    /** Where the trust PEM goes: a new temporary folder, removed with it when the JVM exits. */
    private static Path freshTrustFile() {
        try {
            Path dir = Files.createTempDirectory("vantage-e2e-");
            Path file = dir.resolve("vantage-tls-ca.pem");
            dir.toFile().deleteOnExit(); // runs after the file's, which is registered later
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the trust file", e);
        }
    }

    VantageServer server() {
        return extension.server();
    }

    URI directory() {
        return server().directory();
    }

    /** Where http-01 validation connects: serve challenges on 127.0.0.1 at this port. */
    int httpPort() {
        return server().config().validation().httpPort();
    }

    /** Where tls-alpn-01 validation connects: serve challenges on 127.0.0.1 at this port. */
    int tlsAlpnPort() {
        return server().config().validation().tlsAlpnPort();
    }

    /** The PEM file holding the root of the listeners' HTTPS certificate. */
    Path trustFile() {
        return server().trustFile();
    }

    /** GET on the management API; fails unless it answers 200. */
    String managementGet(String path) {
        return send(HttpRequest.newBuilder(server().management().resolve(path)).GET());
    }

    /** POST of a JSON body to the management API; fails unless it answers 200. */
    String managementPost(String path, String json) {
        return send(HttpRequest.newBuilder(server().management().resolve(path))
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

    /**
     * The validation attempts Vantage recorded for {@code identifier} ({@code GET /validations}),
     * oldest first, as {@code "<challenge> <outcome>"}. One attempt per validated challenge,
     * however many vantage points took part in it.
     */
    List<String> validations(String identifier) {
        List<String> out = new ArrayList<>();
        for (JsonNode attempt : json(managementGet("/validations?identifier=" + identifier))) {
            out.add(attempt.get("challenge").asText() + " " + attempt.get("outcome").asText());
        }
        return out;
    }

    /** Ids of the authorizations for {@code identifier} in {@code status}, from {@code GET /authorizations}. */
    List<String> authorizations(String identifier, String status) {
        List<String> ids = new ArrayList<>();
        for (JsonNode a : json(managementGet("/authorizations?identifier=" + identifier + "&status=" + status))) {
            ids.add(a.get("id").asText());
        }
        return ids;
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
            HttpResponse<String> response = management().send(built, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), () -> built.method() + " " + built.uri() + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One HTTP client per server, trusting that server's TLS root. */
    private synchronized HttpClient management() {
        VantageServer current = server();
        if (current != clientFor) {
            management = HttpClient.newBuilder().sslContext(current.sslContext())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            clientFor = current;
        }
        return management;
    }
}
