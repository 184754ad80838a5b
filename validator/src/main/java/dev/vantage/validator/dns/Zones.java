package dev.vantage.validator.dns;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every layer behind one {@link DnsRecords}: the shared records and the per-perspective views,
 * under one lock, so that an answer never mixes two states and a view never outlives a reset.
 */
final class Zones {
    private final Object lock = new Object();
    private final Optional<InetAddress> initialIpv4;
    private final Optional<InetAddress> initialIpv6;
    private final Zone shared = new Zone(false);
    private final Map<String, Zone> views = new TreeMap<>();

    Zones(InetAddress defaultIpv4, InetAddress defaultIpv6) {
        this.initialIpv4 = Optional.ofNullable(defaultIpv4);
        this.initialIpv6 = Optional.ofNullable(defaultIpv6);
        restoreDefaults();
    }

    /** Changes one layer atomically; a view is created by its first change. */
    void write(String perspective, Consumer<Zone> change) {
        synchronized (lock) {
            change.accept(perspective == null ? shared : views.computeIfAbsent(perspective, p -> new Zone(true)));
        }
    }

    /** Without a perspective: forgets every record and every view and restores the initial defaults. */
    void clear(String perspective) {
        synchronized (lock) {
            if (perspective != null) {
                views.remove(perspective);
                return;
            }
            List.of(shared.a, shared.aaaa, shared.cname, shared.txt, shared.caa, shared.servfail, shared.nxdomain)
                    .forEach(Map::clear);
            views.clear();
            restoreDefaults();
        }
    }

    Set<String> views() {
        synchronized (lock) {
            return new TreeSet<>(views.keySet());
        }
    }

    /** What {@code perspective} (null: no view) sees at one name. */
    DnsRecords.Snapshot snapshot(String key, String perspective) {
        synchronized (lock) {
            Zone view = perspective == null ? null : views.get(perspective);
            List<String> cname = Zone.pick(view, shared, z -> z.cname, key, List.of());
            return new DnsRecords.Snapshot(
                    List.copyOf(Zone.pick(view, shared, z -> z.a, key, List.of())),
                    List.copyOf(Zone.pick(view, shared, z -> z.aaaa, key, List.of())),
                    cname.isEmpty() ? null : cname.get(0),
                    List.copyOf(Zone.pick(view, shared, z -> z.txt, key, List.of())),
                    List.copyOf(Zone.pick(view, shared, z -> z.caa, key, List.of())),
                    Zone.pick(view, shared, z -> z.servfail, key, false),
                    Zone.pick(view, shared, z -> z.nxdomain, key, false),
                    defaultOf(view, shared, true), defaultOf(view, shared, false));
        }
    }

    /** One layer as it is stored: the shared records, or only what a view changes. */
    DnsRecords.Listing listing(String perspective) {
        synchronized (lock) {
            Zone zone = perspective == null ? shared : views.get(perspective);
            if (zone == null) {
                return new DnsRecords.Listing(null, null, Map.of());
            }
            Map<String, DnsRecords.NameRecords> names = new LinkedHashMap<>();
            for (String name : zone.names()) {
                List<String> cname = zone.cname.get(name);
                names.put(name, new DnsRecords.NameRecords(texts(zone.a.get(name)), texts(zone.aaaa.get(name)),
                        cname == null ? null : cname.isEmpty() ? "" : cname.get(0),
                        copy(zone.txt.get(name)), copy(zone.caa.get(name)), zone.servfail.get(name),
                        zone.nxdomain.get(name)));
            }
            return new DnsRecords.Listing(text(zone.defaultIpv4), text(zone.defaultIpv6), names);
        }
    }

    private static InetAddress defaultOf(Zone view, Zone shared, boolean ipv4) {
        Optional<InetAddress> own = view == null ? null : ipv4 ? view.defaultIpv4 : view.defaultIpv6;
        return (own != null ? own : ipv4 ? shared.defaultIpv4 : shared.defaultIpv6).orElse(null);
    }

    private void restoreDefaults() {
        shared.defaultIpv4 = initialIpv4;
        shared.defaultIpv6 = initialIpv6;
    }

    private static String text(Optional<InetAddress> address) {
        return address == null ? null : address.map(InetAddress::getHostAddress).orElse("");
    }

    private static List<String> texts(List<InetAddress> addresses) {
        return addresses == null ? null : addresses.stream().map(InetAddress::getHostAddress).toList();
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? null : List.copyOf(values);
    }
}
