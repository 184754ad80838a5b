package dev.vantage.server.management;

import dev.vantage.config.ConfigException;
import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.Services;
import dev.vantage.validator.SimulatedNetwork;
import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.MockDnsServer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Methods;
import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The management API: JSON over HTTP(S) on its own listener, loopback by default. Pebble's and
 * pebble-challtestsrv's routes keep their names and bodies; the native ones are documented in the
 * README. Bad input is answered 400 with a problem document that says what was wrong.
 */
public final class ManagementApi {
    private static final System.Logger LOG = System.getLogger(ManagementApi.class.getName());
    private final RoutingHandler routing = new RoutingHandler();

    public ManagementApi(Services services, CertificateAuthority ca, String tlsRootPem, DnsRecords records,
                         MockDnsServer dns, SimulatedNetwork network, Runnable reset) {
        Routes routes = new Routes();
        new CaRoutes(ca, tlsRootPem, services.store()).register(routes);
        new DnsRoutes(records, dns, network).register(routes);
        new AuthorizationRoutes(services.cache()).register(routes);
        new ClockRoutes(services.clock()).register(routes);
        new SettingsRoutes(services.profiles(), services.reuse(), services.nonces()).register(routes);
        new ValidationRoutes(services.history()).register(routes);
        new NetworkRoutes(network).register(routes);
        routes.post("/reset", x -> reset.run());
        fallbacks();
    }

    private ManagementApi() {
    }

    /**
     * The handler of the challtestsrv listener ({@code dns.challtestsrvPort}): exactly
     * pebble-challtestsrv's DNS routes on the shared records, for scripts that hard-code its port.
     *
     * @param dns the embedded server whose query history the history routes show; null for none
     */
    public static HttpHandler challtestsrv(DnsRecords records, MockDnsServer dns) {
        ManagementApi api = new ManagementApi();
        DnsRoutes.registerChalltestsrv(api.new Routes(), records, dns);
        api.fallbacks();
        return api.handler();
    }

    private void fallbacks() {
        routing.setFallbackHandler(x -> Exchanges.problem(x, 404, ProblemType.MALFORMED,
                "no management route " + x.getRequestPath()));
        routing.setInvalidMethodHandler(x -> Exchanges.problem(x, 405, ProblemType.MALFORMED,
                "method " + x.getRequestMethod() + " is not allowed on " + x.getRequestPath()));
    }

    public HttpHandler handler() {
        return routing;
    }

    /** Registers routes with uniform error handling. */
    final class Routes {
        void get(String path, Route route) {
            routing.add(Methods.GET, path, wrap(route));
        }

        void post(String path, Route route) {
            routing.add(Methods.POST, path, wrap(x -> {
                route.handle(x);
                Exchanges.ok(x);
            }));
        }

        void getJson(String path, Function<HttpServerExchange, Object> route) {
            routing.add(Methods.GET, path, wrap(x -> Exchanges.json(x, 200, route.apply(x))));
        }

        void postJson(String path, Function<HttpServerExchange, Object> route) {
            routing.add(Methods.POST, path, wrap(x -> Exchanges.json(x, 200, route.apply(x))));
        }

        void deleteJson(String path, Function<HttpServerExchange, Object> route) {
            routing.add(Methods.DELETE, path, wrap(x -> Exchanges.json(x, 200, route.apply(x))));
        }

        /**
         * Receives the body without holding a thread (a stalled client costs a connection, not a
         * worker), then runs the route on a worker with uniform error handling.
         */
        private HttpHandler wrap(Route route) {
            return exchange -> {
                exchange.setMaxEntitySize(Exchanges.MAX_BODY);
                exchange.getRequestReceiver().receiveFullBytes(
                        (x, body) -> x.dispatch(() -> {
                            x.putAttachment(Exchanges.BODY, body);
                            run(route, x);
                        }),
                        (x, error) -> x.dispatch(() -> Exchanges.problem(x,
                                error instanceof RequestTooBigException ? 413 : 400, ProblemType.MALFORMED,
                                error instanceof RequestTooBigException
                                        ? "request body is larger than " + Exchanges.MAX_BODY + " bytes"
                                        : "could not read the request body")));
            };
        }

        private void run(Route route, HttpServerExchange exchange) {
            try {
                route.handle(exchange);
            } catch (Exchanges.BadRequest e) {
                Exchanges.problem(exchange, e.status, ProblemType.MALFORMED, e.getMessage());
            } catch (ConfigException | IllegalArgumentException e) {
                Exchanges.problem(exchange, 400, ProblemType.MALFORMED, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "management " + exchange.getRequestPath() + " failed", e);
                Exchanges.problem(exchange, 500, ProblemType.SERVER_INTERNAL, "the server had an internal error");
            }
        }
    }
}
