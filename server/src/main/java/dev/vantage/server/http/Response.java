package dev.vantage.server.http;

import dev.vantage.server.json.Json;
import dev.vantage.server.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a handler answers: status, body, and the headers ACME cares about. */
record Response(int status, byte[] body, String contentType, String location, List<String> links, Duration retryAfter) {
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String PEM_CHAIN = "application/pem-certificate-chain";

    Response {
        links = List.copyOf(links);
    }

    static Response json(int status, Object body) {
        return new Response(status, Json.write(body), JSON, null, List.of(), null);
    }

    /** A problem document (RFC 8555 §6.7) answered with {@code status}, and a {@code Location} when not null. */
    static Response problem(int status, Problem problem, String location) {
        return new Response(status, Json.write(problem.document(status)), PROBLEM, location, List.of(), null);
    }

    static Response text(int status, String body, String contentType) {
        return new Response(status, body.getBytes(StandardCharsets.UTF_8), contentType, null, List.of(), null);
    }

    static Response empty(int status) {
        return new Response(status, new byte[0], null, null, List.of(), null);
    }

    Response withLocation(String url) {
        return new Response(status, body, contentType, url, links, retryAfter);
    }

    /** Adds {@code Link: <url>;rel="rel"} (RFC 8288). */
    Response withLink(String url, String rel) {
        List<String> more = new ArrayList<>(links);
        more.add("<" + url + ">;rel=\"" + rel + "\"");
        return new Response(status, body, contentType, location, more, retryAfter);
    }

    Response withRetryAfter(Duration after) {
        return new Response(status, body, contentType, location, links, after);
    }
}
