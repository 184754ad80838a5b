package dev.vantage.clienttests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The http-01 side of a web server (RFC 8555 §8.3): a JDK {@link HttpServer} on 127.0.0.1 that
 * answers {@code GET /.well-known/acme-challenge/<token>} with the key authorization it was given
 * and 404 for anything else. It records every request's Host header and path, so a test can show
 * validation really came here — or, when an authorization was reused, that nothing did. One
 * validation may be several requests (one per vantage point), so count "none" against "some".
 */
final class Http01Responder implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final String PREFIX = "/.well-known/acme-challenge/";
    private final VantageFixture ca;
    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Http01Responder(VantageFixture ca) {
        this.ca = ca;
    }

    /**
     * A responder on {@code ca}'s http-01 validation port for a whole test class, registered with
     * {@code @RegisterExtension @Order(2)} after the Vantage extension ({@code @Order(1)}), whose
     * server must be running to know the port.
     */
    static Http01Responder forValidationOf(VantageFixture ca) {
        return new Http01Responder(ca);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(ca.httpPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Serves {@code keyAuthorization} at the token's path from now on. */
    void put(String token, String keyAuthorization) {
        answers.put(token, keyAuthorization);
    }

    /** Every request so far as {@code "<host> <path>"}, the host from the Host header without a port. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Whether a request for {@code token} arrived with {@code host} in its Host header. */
    boolean served(String host, String token) {
        return requests.contains(host + " " + PREFIX + token);
    }

    /** Forgets the requests recorded so far (the answers stay). */
    void clearRequests() {
        requests.clear();
    }

    /** How many requests asked for {@code token}'s path, whatever their Host header. */
    int hits(String token) {
        String suffix = " " + PREFIX + token;
        return (int) requests.stream().filter(r -> r.endsWith(suffix)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(hostWithoutPort(exchange.getRequestHeaders().getFirst("Host")) + " " + path);
        String answer = path.startsWith(PREFIX) && "GET".equals(exchange.getRequestMethod())
                ? answers.get(path.substring(PREFIX.length())) : null;
        byte[] body = (answer == null ? "no such challenge" : answer).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String hostWithoutPort(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
