package dev.vantage.validator.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One layer of zone data, by canonical name: the shared records, or one perspective's view over
 * them. In the shared layer a missing entry means "nothing"; in a view (an overlay) it means "as
 * the shared records say", and an empty entry (an empty list, {@code false}) hides what the shared
 * records hold. Not thread-safe: {@link Zones} guards every access with its lock.
 */
final class Zone {
    final boolean overlay;
    final Map<String, List<InetAddress>> a = new HashMap<>();
    final Map<String, List<InetAddress>> aaaa = new HashMap<>();
    /** At most one target per name (RFC 1034 §3.6.2); a list so that a view can say "no alias". */
    final Map<String, List<String>> cname = new HashMap<>();
    final Map<String, List<String>> txt = new HashMap<>();
    final Map<String, List<DnsRecords.CaaPolicy>> caa = new HashMap<>();
    final Map<String, Boolean> servfail = new HashMap<>();
    final Map<String, Boolean> nxdomain = new HashMap<>();
    /** Null when not set in this layer (a view then uses the shared default); empty for "none". */
    Optional<InetAddress> defaultIpv4;
    Optional<InetAddress> defaultIpv6;

    Zone(boolean overlay) {
        this.overlay = overlay;
    }

    /**
     * Adds values at a name, keeping each once (an RRset holds no duplicates, RFC 2181 §5). In a
     * view, the first write at a name starts from nothing: what the view holds replaces what the
     * shared records hold there, which is what split-horizon DNS looks like.
     */
    static <T> void add(Map<String, List<T>> map, String key, Collection<T> values) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        for (T value : values) {
            if (!list.contains(value)) {
                list.add(value);
            }
        }
    }

    /** Replaces the values at a name. */
    static <T> void replace(Map<String, List<T>> map, String key, List<T> values) {
        map.put(key, new ArrayList<>(values));
    }

    /** Removes the values at a name; in a view, hides the shared ones instead. */
    <T> void clear(Map<String, List<T>> map, String key) {
        if (overlay) {
            map.put(key, new ArrayList<>());
        } else {
            map.remove(key);
        }
    }

    /** Switches a per-name condition (SERVFAIL, NXDOMAIN); off in a view overrides the shared layer. */
    void flag(Map<String, Boolean> map, String key, boolean on) {
        if (on || overlay) {
            map.put(key, on);
        } else {
            map.remove(key);
        }
    }

    /** Every name this layer says something about, sorted. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Map<String, ?> map : List.of(a, aaaa, cname, txt, caa, servfail, nxdomain)) {
            names.addAll(map.keySet());
        }
        return names;
    }

    /** The view's entry when it has one, else the shared one, else {@code none}. */
    static <T> T pick(Zone view, Zone shared, java.util.function.Function<Zone, Map<String, T>> member, String key,
                      T none) {
        if (view != null && member.apply(view).containsKey(key)) {
            return member.apply(view).get(key);
        }
        return member.apply(shared).getOrDefault(key, none);
    }
}
