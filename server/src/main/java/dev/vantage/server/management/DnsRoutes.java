package dev.vantage.server.management;

import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.MockDnsServer;
import java.util.List;
import java.util.Map;

/**
 * The mock DNS data under pebble-challtestsrv's route names and JSON bodies, so scripts written
 * for challtestsrv work unchanged (hosts may carry a trailing dot).
 */
final class DnsRoutes {
    private final DnsRecords records;
    private final MockDnsServer server;

    DnsRoutes(DnsRecords records, MockDnsServer server) {
        this.records = records;
        this.server = server;
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

    void register(ManagementApi.Routes routes) {
        routes.post("/set-default-ipv4", x -> records.setDefaultIpv4(body(x, IpBody.class).ip()));
        routes.post("/set-default-ipv6", x -> records.setDefaultIpv6(body(x, IpBody.class).ip()));
        routes.post("/add-a", x -> {
            AddressesBody b = body(x, AddressesBody.class);
            records.addA(host(b.host()), b.addresses() == null ? List.of() : b.addresses());
        });
        routes.post("/clear-a", x -> records.clearA(host(body(x, HostBody.class).host())));
        routes.post("/add-aaaa", x -> {
            AddressesBody b = body(x, AddressesBody.class);
            records.addAaaa(host(b.host()), b.addresses() == null ? List.of() : b.addresses());
        });
        routes.post("/clear-aaaa", x -> records.clearAaaa(host(body(x, HostBody.class).host())));
        routes.post("/set-cname", x -> {
            CnameBody b = body(x, CnameBody.class);
            records.setCname(host(b.host()), host(b.target()));
        });
        routes.post("/clear-cname", x -> records.clearCname(host(body(x, HostBody.class).host())));
        routes.post("/set-txt", x -> {
            TxtBody b = body(x, TxtBody.class);
            records.setTxt(host(b.host()), b.value());
        });
        routes.post("/clear-txt", x -> records.clearTxt(host(body(x, HostBody.class).host())));
        routes.post("/add-caa", x -> {
            CaaBody b = body(x, CaaBody.class);
            records.addCaa(host(b.host()), b.policies() == null ? List.of() : b.policies());
        });
        routes.post("/clear-caa", x -> records.clearCaa(host(body(x, HostBody.class).host())));
        routes.post("/set-servfail", x -> records.setServfail(host(body(x, HostBody.class).host())));
        routes.post("/clear-servfail", x -> records.clearServfail(host(body(x, HostBody.class).host())));
        if (server != null) {
            routes.postJson("/dns-request-history", x -> {
                String host = host(body(x, HostBody.class).host());
                String wanted = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
                return server.history().stream()
                        .filter(q -> q.name().replaceAll("\\.$", "").equalsIgnoreCase(wanted))
                        .map(q -> Map.of("time", q.time(), "source", q.source(), "name", q.name(), "type", q.type(),
                                "transport", q.transport()))
                        .toList();
            });
            routes.post("/clear-request-history", x -> server.clearHistory());
        }
    }

    private static <T> T body(io.undertow.server.HttpServerExchange x, Class<T> type) {
        return Exchanges.body(x, type);
    }

    private static String host(String host) {
        if (host == null || host.isBlank()) {
            throw new Exchanges.BadRequest("missing \"host\"");
        }
        return host;
    }
}
