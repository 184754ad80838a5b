package dev.vantage.server.management;

import dev.vantage.config.VantagePointConfig;
import dev.vantage.validator.SimulatedNetwork;
import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.MockDnsServer;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mock DNS data over HTTP.
 *
 * <p><b>pebble-challtestsrv's routes</b> keep their names and JSON bodies, so scripts written for
 * challtestsrv work unchanged (hosts may carry a trailing dot): {@code /set-default-ipv4},
 * {@code /set-default-ipv6}, {@code /add-a}, {@code /clear-a}, {@code /add-aaaa},
 * {@code /clear-aaaa}, {@code /set-cname}, {@code /clear-cname}, {@code /set-txt},
 * {@code /clear-txt}, {@code /add-caa} (each policy may add {@code "flags": 128}, the critical
 * flag), {@code /clear-caa}, {@code /set-servfail}, {@code /clear-servfail},
 * {@code /dns-request-history} and {@code /clear-request-history}. They change the records every
 * vantage point shares. The management API serves them, and so does the optional challtestsrv
 * listener ({@code dns.challtestsrvPort}), which serves nothing else.
 *
 * <p><b>Native routes</b>, on the management API only:
 * <ul>
 *   <li>{@code POST /set-nxdomain} {@code {"host"}}, {@code /clear-nxdomain}: the name does not
 *       exist (NXDOMAIN for every type), or exists again;</li>
 *   <li>{@code POST /dns/views/{perspective}/<route>} for each record route above and the two
 *       NXDOMAIN routes, with the same body: changes only what the vantage point named
 *       {@code perspective} sees (geo-DNS, split horizon, a stale secondary). What a view sets for
 *       a name and record type replaces the shared records of that type there; its {@code clear-…}
 *       routes hide the shared records; everything else is shared;</li>
 *   <li>{@code POST /dns/views/{perspective}/clear}: drops the view;</li>
 *   <li>{@code GET /dns/records}: the shared records and defaults, and under {@code views} only
 *       what each view changes (an empty list hides the shared records; a missing member is
 *       shared).</li>
 * </ul>
 * Views live under their own path rather than in a {@code "perspectives"} member of the
 * challtestsrv bodies, so that a challtestsrv body always means what it means to challtestsrv and
 * every view route has exactly one target. An unknown vantage point is answered 404 with the
 * known names; {@code POST /reset} drops every view.
 */
final class DnsRoutes {
    private static final String VIEW = "/dns/views/{perspective}";

    private final DnsRecords records;
    private final MockDnsServer server;
    private final SimulatedNetwork network;

    DnsRoutes(DnsRecords records, MockDnsServer server, SimulatedNetwork network) {
        this.records = records;
        this.server = server;
        this.network = network;
    }

    record HostBody(String host) {
    }

    record IpBody(String ip) {
    }

    record AddressesBody(String host, List<String> addresses) {
    }

    record CnameBody(String host, String target) {
    }

    record TxtBody(String host, String value) {
    }

    record CaaBody(String host, List<DnsRecords.CaaPolicy> policies) {
    }

    /** Everything: the challtestsrv routes, NXDOMAIN, the views and the listing. */
    void register(ManagementApi.Routes routes) {
        registerChalltestsrv(routes, records, server);
        nxdomainRoutes(routes, "", x -> records);
        recordRoutes(routes, VIEW, this::view);
        nxdomainRoutes(routes, VIEW, this::view);
        routes.post(VIEW + "/clear", x -> view(x).clear());
        routes.getJson("/dns/records", x -> listing());
    }

    /** Exactly pebble-challtestsrv's DNS routes, on the shared records. */
    static void registerChalltestsrv(ManagementApi.Routes routes, DnsRecords records, MockDnsServer server) {
        recordRoutes(routes, "", x -> records);
        if (server != null) {
            routes.postJson("/dns-request-history", x -> {
                String host = hostOf(x);
                String wanted = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
                return server.history().stream()
                        .filter(q -> q.name().replaceAll("\\.$", "").equalsIgnoreCase(wanted))
                        .map(q -> Map.of("time", q.time(), "source", q.source(), "name", q.name(), "type", q.type(),
                                "transport", q.transport(), "perspective", q.perspective()))
                        .toList();
            });
            routes.post("/clear-request-history", x -> server.clearHistory());
        }
    }

    /** The challtestsrv record routes under {@code prefix}, changing the records {@code target} picks. */
    private static void recordRoutes(ManagementApi.Routes routes, String prefix,
                                     Function<HttpServerExchange, DnsRecords> target) {
        routes.post(prefix + "/set-default-ipv4", x -> target.apply(x).setDefaultIpv4(body(x, IpBody.class).ip()));
        routes.post(prefix + "/set-default-ipv6", x -> target.apply(x).setDefaultIpv6(body(x, IpBody.class).ip()));
        routes.post(prefix + "/add-a", x -> {
            AddressesBody b = body(x, AddressesBody.class);
            target.apply(x).addA(host(b.host()), b.addresses() == null ? List.of() : b.addresses());
        });
        routes.post(prefix + "/clear-a", x -> target.apply(x).clearA(hostOf(x)));
        routes.post(prefix + "/add-aaaa", x -> {
            AddressesBody b = body(x, AddressesBody.class);
            target.apply(x).addAaaa(host(b.host()), b.addresses() == null ? List.of() : b.addresses());
        });
        routes.post(prefix + "/clear-aaaa", x -> target.apply(x).clearAaaa(hostOf(x)));
        routes.post(prefix + "/set-cname", x -> {
            CnameBody b = body(x, CnameBody.class);
            target.apply(x).setCname(host(b.host()), required("target", b.target()));
        });
        routes.post(prefix + "/clear-cname", x -> target.apply(x).clearCname(hostOf(x)));
        routes.post(prefix + "/set-txt", x -> {
            TxtBody b = body(x, TxtBody.class);
            target.apply(x).setTxt(host(b.host()), b.value());
        });
        routes.post(prefix + "/clear-txt", x -> target.apply(x).clearTxt(hostOf(x)));
        routes.post(prefix + "/add-caa", x -> {
            CaaBody b = body(x, CaaBody.class);
            target.apply(x).addCaa(host(b.host()), b.policies() == null ? List.of() : b.policies());
        });
        routes.post(prefix + "/clear-caa", x -> target.apply(x).clearCaa(hostOf(x)));
        routes.post(prefix + "/set-servfail", x -> target.apply(x).setServfail(hostOf(x)));
        routes.post(prefix + "/clear-servfail", x -> target.apply(x).clearServfail(hostOf(x)));
    }

    private static void nxdomainRoutes(ManagementApi.Routes routes, String prefix,
                                       Function<HttpServerExchange, DnsRecords> target) {
        routes.post(prefix + "/set-nxdomain", x -> target.apply(x).setNxdomain(hostOf(x)));
        routes.post(prefix + "/clear-nxdomain", x -> target.apply(x).clearNxdomain(hostOf(x)));
    }

    /** The view the path names; only vantage points in force have one, so a typo is not silently ignored. */
    private DnsRecords view(HttpServerExchange x) {
        String name = Exchanges.requiredParam(x, "perspective");
        List<String> known = network.points().stream().map(VantagePointConfig::name).toList();
        if (!known.contains(name)) {
            throw new Exchanges.BadRequest(404, "no vantage point named \"" + name + "\"; known: " + known);
        }
        return records.view(name);
    }

    private Map<String, Object> listing() {
        DnsRecords.Listing shared = records.listing();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("defaultIpv4", shared.defaultIpv4());
        out.put("defaultIpv6", shared.defaultIpv6());
        out.put("names", shared.names());
        Map<String, DnsRecords.Listing> views = new LinkedHashMap<>();
        for (String perspective : records.views()) {
            views.put(perspective, records.view(perspective).listing());
        }
        out.put("views", views);
        return out;
    }

    private static <T> T body(HttpServerExchange x, Class<T> type) {
        return Exchanges.body(x, type);
    }

    /** The {@code host} of a body that names nothing else. */
    private static String hostOf(HttpServerExchange x) {
        return host(body(x, HostBody.class).host());
    }

    private static String host(String host) {
        return required("host", host);
    }

    private static String required(String member, String value) {
        if (value == null || value.isBlank()) {
            throw new Exchanges.BadRequest("missing \"" + member + "\"");
        }
        return value;
    }
}
