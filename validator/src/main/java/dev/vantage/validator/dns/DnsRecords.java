package dev.vantage.validator.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The zone data the {@link MockDnsServer} answers from: A, AAAA, CNAME, TXT and CAA records, names
 * that answer SERVFAIL, and a default IPv4 (and optionally IPv6) address that every name without
 * addresses of its own answers with. Thread-safe; every mutation is atomic.
 *
 * <p>Each mutator maps 1:1 onto a pebble-challtestsrv management route ({@code /set-txt},
 * {@code /add-a}, …) so the server can expose them unchanged. Host names are case-insensitive and
 * may carry a trailing dot ({@code _acme-challenge.x.test.} and {@code _ACME-challenge.x.test} are
 * the same name). Invalid names or addresses throw {@link IllegalArgumentException} naming the
 * value, before anything changes.
 */
public final class DnsRecords {

    /**
     * One CAA property as {@code /add-caa} sends it (RFC 8659 §4.1), for example
     * {@code issue "vantage.test"}. The flags byte is always 0.
     */
    public record CaaPolicy(String tag, String value) {
        public CaaPolicy {
            // RFC 8659 §4.1.1: a tag is 1..15 ASCII letters and digits.
            if (tag == null || !tag.matches("[A-Za-z0-9]{1,15}")) {
                throw new IllegalArgumentException("CAA tag \"" + tag + "\" must be 1 to 15 letters or digits");
            }
            if (value == null) {
                throw new IllegalArgumentException("CAA value for tag \"" + tag + "\" is missing");
            }
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("CAA value for tag \"" + tag + "\" is longer than 255 octets");
            }
        }
    }

    /** Everything known at one name, read under one lock so an answer never mixes two states. */
    record View(List<InetAddress> a, List<InetAddress> aaaa, String cname, List<String> txt,
                List<CaaPolicy> caa, boolean servfail, InetAddress defaultIpv4, InetAddress defaultIpv6) {
    }

    private final Object lock = new Object();
    private final InetAddress initialIpv4;
    private final InetAddress initialIpv6;
    private final Map<String, List<InetAddress>> a = new HashMap<>();
    private final Map<String, List<InetAddress>> aaaa = new HashMap<>();
    private final Map<String, String> cname = new HashMap<>();
    private final Map<String, List<String>> txt = new HashMap<>();
    private final Map<String, List<CaaPolicy>> caa = new HashMap<>();
    private final Set<String> servfail = new HashSet<>();
    private InetAddress defaultIpv4;
    private InetAddress defaultIpv6;

    /** Pebble-challtestsrv's defaults: every name answers A with 127.0.0.1, no default AAAA. */
    public DnsRecords() {
        this("127.0.0.1", "");
    }

    /**
     * @param defaultIpv4 the A answer for names without their own; empty for none
     * @param defaultIpv6 the AAAA answer for names without their own; empty for none
     */
    public DnsRecords(String defaultIpv4, String defaultIpv6) {
        this.initialIpv4 = optionalAddress(defaultIpv4, Address.IPv4);
        this.initialIpv6 = optionalAddress(defaultIpv6, Address.IPv6);
        this.defaultIpv4 = initialIpv4;
        this.defaultIpv6 = initialIpv6;
    }

    /** {@code /set-default-ipv4}: the A answer for names without their own; empty for none. */
    public void setDefaultIpv4(String ip) {
        InetAddress parsed = optionalAddress(ip, Address.IPv4);
        synchronized (lock) {
            defaultIpv4 = parsed;
        }
    }

    /** {@code /set-default-ipv6}: the AAAA answer for names without their own; empty for none. */
    public void setDefaultIpv6(String ip) {
        InetAddress parsed = optionalAddress(ip, Address.IPv6);
        synchronized (lock) {
            defaultIpv6 = parsed;
        }
    }

    /** {@code /add-a}: adds IPv4 addresses to the name's A records. */
    public void addA(String host, Collection<String> addresses) {
        addAddresses(a, host, addresses, Address.IPv4);
    }

    /** {@code /clear-a}: removes the name's A records (the default IPv4 answers again). */
    public void clearA(String host) {
        remove(a, host);
    }

    /** {@code /add-aaaa}: adds IPv6 addresses to the name's AAAA records. */
    public void addAaaa(String host, Collection<String> addresses) {
        addAddresses(aaaa, host, addresses, Address.IPv6);
    }

    /** {@code /clear-aaaa}: removes the name's AAAA records. */
    public void clearAaaa(String host) {
        remove(aaaa, host);
    }

    /** {@code /set-cname}: makes the name an alias of {@code target}, replacing any earlier alias. */
    public void setCname(String host, String target) {
        String key = key(host);
        String to = key(target);
        synchronized (lock) {
            cname.put(key, to);
        }
    }

    /** {@code /clear-cname}: removes the name's alias. */
    public void clearCname(String host) {
        remove(cname, host);
    }

    /**
     * {@code /set-txt}: adds a TXT value at the name; earlier values stay, so several challenges
     * for one name (a wildcard and its base) can be answered at once. A repeated value is kept once
     * (an RRset holds no duplicates, RFC 2181 §5).
     */
    public void setTxt(String host, String value) {
        String key = key(host);
        if (value == null) {
            throw new IllegalArgumentException("TXT value for " + key + " is missing");
        }
        synchronized (lock) {
            List<String> values = txt.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    /** {@code /clear-txt}: removes every TXT value at the name. */
    public void clearTxt(String host) {
        remove(txt, host);
    }

    /** {@code /add-caa}: adds CAA properties at the name. */
    public void addCaa(String host, List<CaaPolicy> policies) {
        String key = key(host);
        List<CaaPolicy> copy = List.copyOf(policies);
        synchronized (lock) {
            caa.computeIfAbsent(key, k -> new ArrayList<>()).addAll(copy);
        }
    }

    /** {@code /clear-caa}: removes the name's CAA properties. */
    public void clearCaa(String host) {
        remove(caa, host);
    }

    /** {@code /set-servfail}: every query for the name answers SERVFAIL. */
    public void setServfail(String host) {
        String key = key(host);
        synchronized (lock) {
            servfail.add(key);
        }
    }

    /** {@code /clear-servfail}: the name answers normally again. */
    public void clearServfail(String host) {
        String key = key(host);
        synchronized (lock) {
            servfail.remove(key);
        }
    }

    /** Forgets every record and restores the default addresses given at construction. */
    public void clear() {
        synchronized (lock) {
            a.clear();
            aaaa.clear();
            cname.clear();
            txt.clear();
            caa.clear();
            servfail.clear();
            defaultIpv4 = initialIpv4;
            defaultIpv6 = initialIpv6;
        }
    }

    /** A consistent snapshot of one name, for answering a query. */
    View view(String host) {
        String key = key(host);
        synchronized (lock) {
            return new View(copy(a.get(key)), copy(aaaa.get(key)), cname.get(key), copy(txt.get(key)),
                    copy(caa.get(key)), servfail.contains(key), defaultIpv4, defaultIpv6);
        }
    }

    /**
     * The canonical form of a host name: what dnsjava prints for it, lower-case, without the final
     * dot. The server computes the same form from a query's name, so both sides always agree.
     */
    static String key(String host) {
        if (host == null || host.isBlank() || host.trim().equals(".")) {
            throw new IllegalArgumentException("host name must not be empty");
        }
        try {
            return Name.fromString(host.trim(), Name.root).toString(true).toLowerCase(Locale.ROOT);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + host + "\" is not a valid host name: " + e.getMessage(), e);
        }
    }

    private void addAddresses(Map<String, List<InetAddress>> map, String host, Collection<String> addresses,
                              int family) {
        String key = key(host);
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses given for " + key);
        }
        List<InetAddress> parsed = new ArrayList<>();
        for (String address : addresses) {
            parsed.add(address(address, family));
        }
        synchronized (lock) {
            List<InetAddress> values = map.computeIfAbsent(key, k -> new ArrayList<>());
            for (InetAddress address : parsed) {
                if (!values.contains(address)) {
                    values.add(address);
                }
            }
        }
    }

    private void remove(Map<String, ?> map, String host) {
        String key = key(host);
        synchronized (lock) {
            map.remove(key);
        }
    }

    private static InetAddress optionalAddress(String text, int family) {
        return text == null || text.isBlank() ? null : address(text, family);
    }

    /** Parses a literal without ever asking DNS (InetAddress.getByName would for a name). */
    private static InetAddress address(String text, int family) {
        String label = family == Address.IPv4 ? "IPv4" : "IPv6";
        byte[] bytes = text == null ? null : Address.toByteArray(text.trim(), family);
        if (bytes == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not an " + label + " address");
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an " + label + " address", e);
        }
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
