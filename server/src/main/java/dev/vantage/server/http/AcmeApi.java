package dev.vantage.server.http;

import dev.vantage.config.AcmeConfig;
import dev.vantage.config.CaConfig;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.Services;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.function.Function;

/** The ACME routes (RFC 8555 §7.1) on top of the shared {@link Pipeline}. */
public final class AcmeApi {
    private final Pipeline pipeline;
    private final DirectoryHandler directory;
    private final AccountHandlers accounts;
    private final OrderHandlers orders;
    private final AuthorizationHandlers authorizations;
    private final CertificateHandlers certificates;

    public AcmeApi(AcmeConfig acme, CaConfig ca, Services s) {
        this.pipeline = new Pipeline(s.nonces(), s.store());
        this.directory = new DirectoryHandler(acme, ca, s.profiles());
        this.accounts = new AccountHandlers(s.accounts(), acme.ordersPerPage());
        this.orders = new OrderHandlers(s.orders(), s.finalizer(), s.clock(), acme.retryAfter());
        this.authorizations = new AuthorizationHandlers(s.authorizations(), s.challenges(), s.clock(), acme.retryAfter());
        this.certificates = new CertificateHandlers(s.certificates());
    }

    /** The Undertow handler serving every ACME resource. */
    public HttpHandler handler() {
        RoutingHandler routes = new RoutingHandler()
                .get(Links.DIRECTORY, plain(links -> directory.directory(links)))
                .add(Methods.HEAD, Links.DIRECTORY, plain(links -> directory.directory(links)))
                .add(Methods.HEAD, Links.NEW_NONCE, plain(links -> directory.newNonce(true)))
                .get(Links.NEW_NONCE, plain(links -> directory.newNonce(false)))
                .post(Links.NEW_ACCOUNT, signed(SignedHandler.KeyMode.JWK, accounts::newAccount))
                .post(Links.NEW_ORDER, signed(SignedHandler.KeyMode.KID, orders::newOrder))
                .post(Links.REVOKE_CERT, signed(SignedHandler.KeyMode.EITHER, certificates::revoke))
                .post(Links.KEY_CHANGE, signed(SignedHandler.KeyMode.KID, accounts::keyChange))
                .post(Links.ACCOUNT + "{id}", signed(SignedHandler.KeyMode.KID, accounts::account))
                .post(Links.ACCOUNT + "{id}/orders", signed(SignedHandler.KeyMode.KID, accounts::orders))
                .post(Links.ORDER + "{id}", signed(SignedHandler.KeyMode.KID, orders::order))
                .post(Links.ORDER + "{id}/finalize", signed(SignedHandler.KeyMode.KID, orders::finalizeOrder))
                .post(Links.AUTHZ + "{id}", signed(SignedHandler.KeyMode.KID, authorizations::authorization))
                .post(Links.CHALLENGE + "{id}/{type}", signed(SignedHandler.KeyMode.KID, authorizations::challenge))
                .post(Links.CERTIFICATE + "{id}", signed(SignedHandler.KeyMode.KID, certificates::certificate))
                .post(Links.CERTIFICATE + "{id}/{chain}", signed(SignedHandler.KeyMode.KID, certificates::certificate))
                .setFallbackHandler(exchange -> pipeline.problem(exchange, AcmeProblemException.notFound("resource")))
                .setInvalidMethodHandler(exchange -> {
                    boolean read = exchange.getRequestPath().equals(Links.DIRECTORY)
                            || exchange.getRequestPath().equals(Links.NEW_NONCE);
                    exchange.getResponseHeaders().put(Headers.ALLOW, read ? "GET, HEAD" : "POST");
                    pipeline.problem(exchange, new AcmeProblemException(Problem.of(ProblemType.MALFORMED,
                            "method " + exchange.getRequestMethod() + " is not allowed here"
                                    + (read ? "" : "; ACME resources are read with POST-as-GET (RFC 8555 §6.3)")), 405));
                });
        return routes;
    }

    private HttpHandler signed(SignedHandler.KeyMode mode, SignedHandler handler) {
        return pipeline.signed(mode, handler);
    }

    private HttpHandler plain(Function<Links, Response> handler) {
        return pipeline.plain(handler);
    }
}
