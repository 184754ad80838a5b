package dev.vantage.server.management;

import dev.vantage.server.json.Json;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading management requests and writing their answers (JSON, PEM, or a problem). */
final class Exchanges {
    static final int MAX_BODY = 256 * 1024;

    private Exchanges() {
    }

    /** Bad input to the management API: answered 400 (or the given status) with the message. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The request body, received before the route runs. */
    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    /**
     * The JSON body as {@code type}; an empty body reads as {@code {}}. Members the type does not
     * have, and values of the wrong JSON type, are refused rather than ignored or coerced.
     */
    static <T> T body(HttpServerExchange exchange, Class<T> type) {
        byte[] bytes = exchange.getAttachment(BODY);
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.readStrict(bytes, type);
        } catch (Json.JsonInputException e) {
            throw new BadRequest("request body: " + e.getMessage());
        }
    }

    /** The JSON body as members to change, in their order and free to edit; an empty body has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> members(HttpServerExchange exchange) {
        return new LinkedHashMap<>(body(exchange, Map.class));
    }

    /** A path parameter or query parameter, or null. */
    static String param(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static String requiredParam(HttpServerExchange exchange, String name) {
        String v = param(exchange, name);
        if (v == null || v.isBlank()) {
            throw new BadRequest("missing \"" + name + "\"");
        }
        return v;
    }

    static int index(HttpServerExchange exchange, String name) {
        String v = requiredParam(exchange, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest("\"" + name + "\" must be a number, not \"" + v + "\"");
        }
    }

    static void json(HttpServerExchange exchange, int status, Object body) {
        send(exchange, status, "application/json", Json.write(body));
    }

    static void text(HttpServerExchange exchange, String contentType, String body) {
        send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void ok(HttpServerExchange exchange) {
        send(exchange, 200, "text/plain", new byte[0]);
    }

    static void problem(HttpServerExchange exchange, int status, ProblemType type, String detail) {
        send(exchange, status, "application/problem+json", Json.write(Problem.of(type, detail).document(status)));
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
