package dev.vantage.validator.dns;

import dev.vantage.config.IpAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The zone data the {@link MockDnsServer} answers from: A, AAAA, CNAME, TXT and CAA records, names
 * that answer SERVFAIL or NXDOMAIN, and a default IPv4 (and optionally IPv6) address that every
 * name without addresses of its own answers with. Thread-safe; every mutation is atomic.
 *
 * <p>Most mutators map 1:1 onto a pebble-challtestsrv management route ({@code /set-txt},
 * {@code /add-a}, …) so the server can expose them unchanged. Host names are case-insensitive and
 * may carry a trailing dot ({@code _acme-challenge.x.test.} and {@code _ACME-challenge.x.test} are
 * the same name). Invalid names or addresses throw {@link IllegalArgumentException} naming the
 * value, before anything changes.
 *
 * <p><b>Views.</b> {@link #view(String)} gives the records one vantage point sees instead of the
 * shared ones (geo-DNS, split horizon, a stale secondary). A view has the same methods; what it
 * holds for a name and record type replaces the shared records of that type there, and anything it
 * says nothing about is shared. A view's first write at a name starts from nothing, and its
 * {@code clear…} methods hide the shared records rather than falling back to them; {@code clear()}
 * on a view drops the whole view. The validator's resolver names its vantage point in every query
 * (see {@link MockDnsServer}), so each perspective is answered from its own view.
 */
public final class DnsRecords {
    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
                    + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");
    /** Longer TXT values would not fit one DNS answer over UDP or TCP once several are set. */
    static final int MAX_TXT = 1024;
    /** Names carried in URLs and in the EDNS option: a vantage point's name. */
    private static final Pattern PERSPECTIVE = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    /**
     * One CAA property as {@code /add-caa} sends it (RFC 8659 §4.1), for example
     * {@code issue "vantage.test"}. pebble-challtestsrv always uses flags 0; {@code flags} 128
     * sets the Issuer Critical Flag (RFC 8659 §4.1), which makes an unknown tag forbid issuance.
     */
    public record CaaPolicy(int flags, String tag, String value) {
        public CaaPolicy {
            if (flags < 0 || flags > 255) {
                throw new IllegalArgumentException("CAA flags " + flags + " must be 0 to 255 (128 is critical)");
            }
            // RFC 8659 §4.1.1: a tag is 1..15 ASCII letters and digits.
            if (tag == null || !tag.matches("[A-Za-z0-9]{1,15}")) {
                throw new IllegalArgumentException("CAA tag \"" + tag + "\" must be 1 to 15 letters or digits");
            }
            if (value == null) {
                throw new IllegalArgumentException("CAA value for tag \"" + tag + "\" is missing");
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("CAA value for tag \"" + tag + "\" is longer than 255 octets");
            }
        }

        /** A property without flags, as pebble-challtestsrv sends them. */
        public CaaPolicy(String tag, String value) {
            this(0, tag, value);
        }
    }

    /** Everything one perspective sees at one name, read under one lock. */
    record Snapshot(List<InetAddress> a, List<InetAddress> aaaa, String cname, List<String> txt,
                    List<CaaPolicy> caa, boolean servfail, boolean nxdomain, InetAddress defaultIpv4,
                    InetAddress defaultIpv6) {
    }

    /**
     * What one layer (the shared records or a view) holds at one name. A null member says
     * nothing (in a view: as shared); an empty list, an empty {@code cname} or {@code false} in a
     * view hides the shared records.
     */
    public record NameRecords(List<String> a, List<String> aaaa, String cname, List<String> txt,
                              List<CaaPolicy> caa, Boolean servfail, Boolean nxdomain) {
    }

    /**
     * One layer as stored. For the shared records the defaults are addresses or empty for none;
     * for a view they are null unless the view sets its own.
     */
    public record Listing(String defaultIpv4, String defaultIpv6, Map<String, NameRecords> names) {
    }

    private final Zones zones;
    private final String perspective;

    /** Pebble-challtestsrv's defaults: every name answers A with 127.0.0.1, no default AAAA. */
    public DnsRecords() {
        this("127.0.0.1", "");
    }

    /**
     * @param defaultIpv4 the A answer for names without their own; empty for none
     * @param defaultIpv6 the AAAA answer for names without their own; empty for none
     */
    public DnsRecords(String defaultIpv4, String defaultIpv6) {
        this(new Zones(optionalAddress(defaultIpv4, Inet4Address.class),
                optionalAddress(defaultIpv6, Inet6Address.class)), null);
    }

    private DnsRecords(Zones zones, String perspective) {
        this.zones = zones;
        this.perspective = perspective;
    }

    /**
     * The records the vantage point named {@code perspective} sees: a view over the shared records
     * (see the class comment). Views share state with this object; asking twice gives the same view.
     */
    public DnsRecords view(String perspective) {
        if (perspective == null || !PERSPECTIVE.matcher(perspective).matches()) {
            throw new IllegalArgumentException("\"" + perspective
                    + "\" is not a vantage point name (letters, digits, '.', '-' and '_')");
        }
        return new DnsRecords(zones, perspective);
    }

    /** The vantage point this view is for; empty for the shared records. */
    public Optional<String> perspective() {
        return Optional.ofNullable(perspective);
    }

    /** The vantage points that have a view, sorted. */
    public Set<String> views() {
        return zones.views();
    }

    /** {@code /set-default-ipv4}: the A answer for names without their own; empty for none. */
    public void setDefaultIpv4(String ip) {
        InetAddress parsed = optionalAddress(ip, Inet4Address.class);
        zones.write(perspective, z -> z.defaultIpv4 = Optional.ofNullable(parsed));
    }

    /** {@code /set-default-ipv6}: the AAAA answer for names without their own; empty for none. */
    public void setDefaultIpv6(String ip) {
        InetAddress parsed = optionalAddress(ip, Inet6Address.class);
        zones.write(perspective, z -> z.defaultIpv6 = Optional.ofNullable(parsed));
    }

    /** {@code /add-a}: adds IPv4 addresses to the name's A records. */
    public void addA(String host, Collection<String> addresses) {
        String key = key(host);
        List<InetAddress> parsed = addresses(key, addresses, Inet4Address.class);
        zones.write(perspective, z -> Zone.add(z.a, key, parsed));
    }

    /** {@code /clear-a}: removes the name's A records (the default IPv4 answers again). */
    public void clearA(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.clear(z.a, key));
    }

    /** {@code /add-aaaa}: adds IPv6 addresses to the name's AAAA records. */
    public void addAaaa(String host, Collection<String> addresses) {
        String key = key(host);
        List<InetAddress> parsed = addresses(key, addresses, Inet6Address.class);
        zones.write(perspective, z -> Zone.add(z.aaaa, key, parsed));
    }

    /** {@code /clear-aaaa}: removes the name's AAAA records. */
    public void clearAaaa(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.clear(z.aaaa, key));
    }

    /** {@code /set-cname}: makes the name an alias of {@code target}, replacing any earlier alias. */
    public void setCname(String host, String target) {
        String key = key(host);
        String to = key(target);
        zones.write(perspective, z -> Zone.replace(z.cname, key, List.of(to)));
    }

    /** {@code /clear-cname}: removes the name's alias. */
    public void clearCname(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.clear(z.cname, key));
    }

    /**
     * {@code /set-txt}: adds a TXT value at the name; earlier values stay, so several challenges
     * for one name (a wildcard and its base) can be answered at once. A repeated value is kept once.
     */
    public void setTxt(String host, String value) {
        String key = key(host);
        if (value == null) {
            throw new IllegalArgumentException("TXT value for " + key + " is missing");
        }
        if (value.length() > MAX_TXT) {
            throw new IllegalArgumentException("TXT value for " + key + " is longer than " + MAX_TXT
                    + " characters (a dns-01 value has 43)");
        }
        zones.write(perspective, z -> Zone.add(z.txt, key, List.of(value)));
    }

    /** {@code /clear-txt}: removes every TXT value at the name. */
    public void clearTxt(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.clear(z.txt, key));
    }

    /** {@code /add-caa}: adds CAA properties at the name. */
    public void addCaa(String host, List<CaaPolicy> policies) {
        String key = key(host);
        if (policies == null || policies.isEmpty() || policies.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("no CAA policies given for " + key);
        }
        List<CaaPolicy> copy = List.copyOf(policies);
        zones.write(perspective, z -> Zone.add(z.caa, key, copy));
    }

    /** {@code /clear-caa}: removes the name's CAA properties. */
    public void clearCaa(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.clear(z.caa, key));
    }

    /** {@code /set-servfail}: every query for the name answers SERVFAIL. */
    public void setServfail(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.flag(z.servfail, key, true));
    }

    /** {@code /clear-servfail}: the name answers normally again. */
    public void clearServfail(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.flag(z.servfail, key, false));
    }

    /**
     * Every query for the name answers NXDOMAIN (RFC 1035 §4.1.1, RCODE 3): the name does not
     * exist, whatever records it holds. Not a pebble-challtestsrv route, whose names always exist.
     */
    public void setNxdomain(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.flag(z.nxdomain, key, true));
    }

    /** The name exists again. */
    public void clearNxdomain(String host) {
        String key = key(host);
        zones.write(perspective, z -> z.flag(z.nxdomain, key, false));
    }

    /**
     * On the shared records: forgets every record and every view and restores the default
     * addresses given at construction. On a view: drops the view, so its perspective sees the
     * shared records again.
     */
    public void clear() {
        zones.clear(perspective);
    }

    /** What this layer holds: every name of the shared records, or only what this view changes. */
    public Listing listing() {
        return zones.listing(perspective);
    }

    /** What {@code perspective} (null for no view) sees at one name, for answering a query. */
    Snapshot snapshot(String host, String perspective) {
        return zones.snapshot(key(host), perspective);
    }

    /**
     * The canonical form of a host name: what dnsjava prints for it, lower-case, without the final
     * dot. The server computes the same form from a query's name, so both sides always agree.
     */
    static String key(String host) {
        if (host == null || host.isBlank() || host.trim().equals(".")) {
            throw new IllegalArgumentException("host name must not be empty");
        }
        if (!HOST.matcher(host.trim()).matches()) {
            // Letters, digits, hyphens, underscores (_acme-challenge) and a leftmost *: what
            // zone data holds; dnsjava would also take spaces and escapes, which no test needs.
            throw new IllegalArgumentException("\"" + host + "\" is not a valid host name");
        }
        try {
            return Name.fromString(host.trim(), Name.root).toString(true).toLowerCase(Locale.ROOT);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + host + "\" is not a valid host name: " + e.getMessage(), e);
        }
    }

    private static List<InetAddress> addresses(String key, Collection<String> addresses,
                                               Class<? extends InetAddress> family) {
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses given for " + key);
        }
        return addresses.stream().map(a -> address(a, family)).toList();
    }

    private static InetAddress optionalAddress(String text, Class<? extends InetAddress> family) {
        return text == null || text.isBlank() ? null : address(text, family);
    }

    /** Parses a literal of one family as settings do ({@link IpAddresses#parse}: strict, never DNS). */
    private static InetAddress address(String text, Class<? extends InetAddress> family) {
        InetAddress parsed;
        try {
            parsed = IpAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!family.isInstance(parsed)) {
            throw new IllegalArgumentException("\"" + text + "\" is not an "
                    + (family == Inet4Address.class ? "IPv4" : "IPv6") + " address");
        }
        return parsed;
    }
}
