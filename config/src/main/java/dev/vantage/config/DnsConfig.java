package dev.vantage.config;

import java.util.regex.Pattern;

/**
 * The embedded mock DNS server and the resolver the validator uses.
 *
 * @param embedded      run the embedded server (UDP and TCP)
 * @param listenAddress address the embedded server binds to
 * @param port          8053 like pebble-challtestsrv; 0 picks a free port
 * @param resolver      {@code host:port} of an external resolver for validation; empty means
 *                      the embedded server
 * @param defaultIpv4   what an A query answers for a name without A records; empty answers nothing
 * @param defaultIpv6   what an AAAA query answers for a name without AAAA records; empty answers nothing
 * @param challtestsrvPort a plain-HTTP listener (on the management listen address) serving exactly
 *                      pebble-challtestsrv's DNS routes, for scripts that hard-code its port 8055;
 *                      -1 (default) runs none, 0 picks a free port
 */
public record DnsConfig(
        boolean embedded,
        String listenAddress,
        int port,
        String resolver,
        String defaultIpv4,
        String defaultIpv6,
        int challtestsrvPort) {

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\s]+):(\\d{1,5})");

    public DnsConfig {
        listenAddress = Check.ipLiteral("listenAddress", listenAddress);
        Check.port("port", port);
        resolver = resolver == null ? "" : resolver.trim();
        if (!resolver.isEmpty()) {
            checkResolver(resolver);
        }
        if (!embedded && resolver.isEmpty()) {
            throw new ConfigException("embedded", false, "without the embedded DNS server, dns.resolver must name an external one");
        }
        defaultIpv4 = Check.ipLiteralOrEmpty("defaultIpv4", defaultIpv4);
        defaultIpv6 = Check.ipLiteralOrEmpty("defaultIpv6", defaultIpv6);
        // Checked here so the error names the key; the A/AAAA records would refuse it only at startup.
        if (defaultIpv4.contains(":")) {
            throw new ConfigException("defaultIpv4", defaultIpv4, "an A answer needs an IPv4 address");
        }
        if (!defaultIpv6.isEmpty() && !defaultIpv6.contains(":")) {
            throw new ConfigException("defaultIpv6", defaultIpv6, "an AAAA answer needs an IPv6 address");
        }
        if (challtestsrvPort < -1 || challtestsrvPort > 65535) {
            throw new ConfigException("challtestsrvPort", challtestsrvPort,
                    "a port is 0..65535 (0 picks a free port), or -1 for no challtestsrv listener");
        }
    }

    /** An address literal and a port: resolving a name at startup would make config depend on DNS. */
    private static void checkResolver(String resolver) {
        var m = HOST_PORT.matcher(resolver);
        String why = "must be ip:port or [ipv6]:port, for example 127.0.0.1:53";
        if (!m.matches()) {
            throw new ConfigException("resolver", resolver, why);
        }
        try {
            IpAddresses.parse(m.group(1).replace("[", "").replace("]", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("resolver", resolver, why);
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new ConfigException("resolver", resolver, "the port must be 1..65535");
        }
    }

    static DnsConfig defaults() {
        return new DnsConfig(true, "127.0.0.1", 8053, "", "127.0.0.1", "", -1);
    }
}
