package dev.vantage.server.http;

import dev.vantage.server.jws.Nonces;
import dev.vantage.server.jws.SignedMessage;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.AccountService;
import dev.vantage.server.store.Store;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one pass every ACME request takes: content type and size, the JWS parsed once, the key
 * resolved once, signature, {@code url} and nonce checked, then exactly one handler. Every answer,
 * errors included, carries a fresh {@code Replay-Nonce} (RFC 8555 §6.5) and the index link (§7.1).
 * Checks that fail change no state: the nonce is consumed only after the signature verified.
 */
final class Pipeline {
    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());
    static final int MAX_BODY = 64 * 1024;
    static final HttpString REPLAY_NONCE = new HttpString("Replay-Nonce");
    static final HttpString LINK = new HttpString("Link");
    static final HttpString RETRY_AFTER = new HttpString("Retry-After");
    private static final String JOSE_JSON = "application/jose+json";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private final Nonces nonces;
    private final Store store;

    Pipeline(Nonces nonces, Store store) {
        this.nonces = nonces;
        this.store = store;
    }

    /**
     * An Undertow handler for a signed POST: the body is received without holding a thread (a
     * client that stalls mid-body costs a connection, not a worker), then the checks and the
     * handler run on a worker.
     */
    HttpHandler signed(SignedHandler.KeyMode mode, SignedHandler handler) {
        return exchange -> {
            exchange.setMaxEntitySize(MAX_BODY);
            exchange.getRequestReceiver().receiveFullBytes(
                    (x, body) -> x.dispatch(() -> {
                        Links links = links(x);
                        respond(x, links, () -> handler.handle(verify(x, body, links, mode)));
                    }),
                    (x, error) -> x.dispatch(() -> problem(x, unreadable(error))));
        };
    }

    /** An unsigned resource (directory, newNonce) with the same headers and error handling, on a worker. */
    HttpHandler plain(Function<Links, Response> handler) {
        return exchange -> exchange.dispatch(() -> {
            Links links = links(exchange);
            respond(exchange, links, () -> handler.apply(links));
        });
    }

    private static AcmeProblemException unreadable(IOException error) {
        return error instanceof RequestTooBigException
                ? new AcmeProblemException(Problem.of(ProblemType.MALFORMED,
                        "request body is larger than " + MAX_BODY + " bytes"), 413)
                : AcmeProblemException.malformed("could not read the request body");
    }


    /** Answers with a problem (unknown route, wrong method). */
    void problem(HttpServerExchange exchange, AcmeProblemException problem) {
        respond(exchange, links(exchange), () -> {
            throw problem;
        });
    }

    private SignedRequest verify(HttpServerExchange exchange, byte[] body, Links links, SignedHandler.KeyMode mode) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JOSE_JSON)) {
            throw new AcmeProblemException(Problem.of(ProblemType.MALFORMED,
                    "Content-Type must be " + JOSE_JSON + " (RFC 8555 §6.2), not " + contentType), 415);
        }
        SignedMessage message = SignedMessage.parse(new String(body, StandardCharsets.UTF_8));
        Account account = null;
        AccountKey key;
        if (message.keyId().isPresent()) {
            if (mode == SignedHandler.KeyMode.JWK) {
                throw AcmeProblemException.malformed("this request must be signed with a \"jwk\" header, not \"kid\"");
            }
            account = accountOf(links, message.keyId().get());
            key = account.key();
        } else {
            if (mode == SignedHandler.KeyMode.KID) {
                throw AcmeProblemException.malformed("this request must be signed with a \"kid\" header (the account URL), not \"jwk\"");
            }
            key = message.embeddedKey().orElseThrow();
        }
        message.verify(key);
        String url = links.base() + exchange.getRequestURI()
                + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString());
        if (!message.url().equals(url)) {
            throw AcmeProblemException.unauthorized("the JWS \"url\" " + message.url() + " is not the request URL " + url);
        }
        if (!nonces.consume(message.nonce())) {
            throw new AcmeProblemException(ProblemType.BAD_NONCE, "JWS has an invalid anti-replay nonce: " + message.nonce());
        }
        Map<String, String> params = new HashMap<>();
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        if (match != null) {
            params.putAll(match.getParameters());
        }
        return new SignedRequest(links, account, key, message, params);
    }

    private Account accountOf(Links links, String kid) {
        var id = links.accountOf(kid).orElseThrow(() -> new AcmeProblemException(ProblemType.ACCOUNT_DOES_NOT_EXIST,
                "\"kid\" " + kid + " is not an account URL of this server"));
        Account account = store.account(id).orElseThrow(() -> new AcmeProblemException(
                ProblemType.ACCOUNT_DOES_NOT_EXIST, "account " + kid + " does not exist"));
        return AccountService.usable(account);
    }

    private void respond(HttpServerExchange exchange, Links links, Supplier<Response> work) {
        Response response;
        try {
            response = work.get();
        } catch (AcmeProblemException e) {
            response = Response.problem(e.status(), e.problem(), e.location());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error answering " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
            response = Response.problem(500, Problem.of(ProblemType.SERVER_INTERNAL, "the server had an internal error"),
                    null);
        }
        write(exchange, links, response);
    }

    private void write(HttpServerExchange exchange, Links links, Response r) {
        exchange.setStatusCode(r.status());
        var headers = exchange.getResponseHeaders();
        headers.put(REPLAY_NONCE, nonces.next());
        headers.put(Headers.CACHE_CONTROL, "no-store");
        if (!exchange.getRequestPath().equals(Links.DIRECTORY)) {
            headers.add(LINK, "<" + links.directory() + ">;rel=\"index\"");
        }
        r.links().forEach(l -> headers.add(LINK, l));
        if (r.location() != null) {
            headers.put(Headers.LOCATION, r.location());
        }
        if (r.retryAfter() != null) {
            headers.put(RETRY_AFTER, Math.max(1, r.retryAfter().toSeconds()));
        }
        if (r.contentType() != null) {
            headers.put(Headers.CONTENT_TYPE, r.contentType());
        }
        headers.put(Headers.CONTENT_LENGTH, r.body().length);
        if (!exchange.getRequestMethod().equalToString("HEAD")) {
            exchange.getResponseSender().send(ByteBuffer.wrap(r.body()));
        } else {
            exchange.endExchange();
        }
    }

    /**
     * The origin the client used. A Host header that is not a plain host[:port] falls back to the
     * listener's address, so nothing a client sends ends up verbatim in a header we write.
     */
    private static Links links(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            var local = exchange.getDestinationAddress();
            String address = local.getHostString();
            host = (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
        }
        return new Links(exchange.getRequestScheme() + "://" + host);
    }
}
