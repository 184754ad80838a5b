package dev.vantage.validator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * An http-01 target for tests: a JDK HttpServer on loopback whose answers are set per path, and
 * that records each request it received.
 */
final class ChallengeServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String path, String host, String userAgent, String remoteAddress) {
    }

    private interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private ChallengeServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ChallengeServer http(InetAddress address) throws IOException {
        return new ChallengeServer(HttpServer.create(new InetSocketAddress(address, 0), 16));
    }

    static ChallengeServer https(InetAddress address, SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new ChallengeServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return seen;
    }

    ChallengeServer respond(String path, int status, String body) {
        return respond(path, status, body.getBytes(StandardCharsets.UTF_8));
    }

    ChallengeServer respond(String path, int status, byte[] body) {
        answers.put(path, exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    ChallengeServer redirect(String path, int status, String location) {
        answers.put(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return this;
    }

    /** Answers only after {@code millis}, to provoke a read timeout. */
    ChallengeServer slow(String path, long millis, String body) {
        answers.put(path, exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRemoteAddress().getAddress().getHostAddress()));
        Answer answer = answers.get(path);
        if (answer == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        answer.send(exchange);
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
