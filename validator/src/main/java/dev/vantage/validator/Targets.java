package dev.vantage.validator;

import dev.vantage.config.IpAddresses;
import dev.vantage.validator.dns.DnsAnswer;
import dev.vantage.validator.dns.DnsType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a host (a name or an IP literal) into the addresses a check connects to, in order. */
final class Targets {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Targets() {
    }

    /**
     * The addresses to try, or the DNS problem that prevented finding any.
     *
     * @param addresses at most two: the first IPv6 address, then the first IPv4 address; Let's
     *                  Encrypt tries IPv6 first and falls back to IPv4 once, on a network failure
     */
    record Resolution(List<InetAddress> addresses, ValidationProblem problem) {
    }

    static Resolution resolve(Perspective perspective, String host) {
        InetAddress literal = literal(host);
        if (literal != null) {
            return new Resolution(List.of(literal), null);
        }
        DnsAnswer v4 = perspective.resolver().lookup(host, DnsType.A);
        DnsAnswer v6 = perspective.resolver().lookup(host, DnsType.AAAA);
        List<InetAddress> order = new ArrayList<>();
        if (v6.ok() && !v6.values().isEmpty()) {
            order.add(v6.addresses().get(0));
        }
        if (v4.ok() && !v4.values().isEmpty()) {
            order.add(v4.addresses().get(0));
        }
        if (!order.isEmpty()) {
            return new Resolution(order, null);
        }
        // Nothing usable: a failed lookup explains more than "no addresses"; A is asked about first.
        DnsAnswer failed = !v4.ok() ? v4 : !v6.ok() ? v6 : null;
        String detail = failed != null ? failed.detail()
                : "DNS problem: No valid IP addresses found for " + host.toLowerCase(Locale.ROOT);
        return new Resolution(List.of(), new ValidationProblem(ProblemKind.DNS, detail));
    }

    /** The address an IP literal names, or null for anything else; never asks DNS. */
    static InetAddress literal(String host) {
        if (host == null || !(IPV4.matcher(host).matches() || IPV6.matcher(host).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(host); // a literal by the checks above: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The text of a host as it appears in a URL's authority: IPv6 in brackets, RFC 5952 form. */
    static String urlHost(String host) {
        InetAddress literal = literal(host);
        return literal instanceof Inet6Address ? "[" + text(literal) + "]" : host;
    }

    /** An address in the form people and Let's Encrypt write it: dotted quad, or IPv6 per RFC 5952. */
    static String text(InetAddress address) {
        return IpAddresses.text(address);
    }

    /**
     * The reverse-mapping name of an address, used as the TLS SNI for IP identifiers (RFC 8738 §6):
     * {@code 4.3.2.1.in-addr.arpa} (RFC 1035 §3.5) or the nibble form under {@code ip6.arpa}
     * (RFC 3596 §2.5).
     */
    static String reverseName(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xff;
            if (address instanceof Inet4Address) {
                name.append(b).append('.');
            } else {
                name.append(Character.forDigit(b & 0xf, 16)).append('.')
                        .append(Character.forDigit(b >> 4, 16)).append('.');
            }
        }
        return name.append(address instanceof Inet4Address ? "in-addr.arpa" : "ip6.arpa").toString();
    }
}
