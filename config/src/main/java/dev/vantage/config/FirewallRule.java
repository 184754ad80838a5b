package dev.vantage.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A firewall in front of validation targets, as the target's owner would configure it. A rule
 * matches a connection by what it goes to (every non-empty target list must match) and then
 * decides by where it comes from (the vantage point's simulated source address):
 *
 * <ul>
 *   <li>a source in {@code deny} is blocked, even if it is also in {@code allow} (deny beats allow);</li>
 *   <li>with a non-empty {@code allow}, every source not in it is blocked (an allowlist);</li>
 *   <li>any other source passes this rule.</li>
 * </ul>
 *
 * How rules combine is described at {@link FirewallConfig}.
 *
 * @param name      unique; how routes and reports refer to the rule
 * @param targets   identifiers the rule protects: exact names ({@code site.test}), patterns
 *                  ({@code *.site.test}: any name below site.test, at any depth, not site.test
 *                  itself) or IP literals; empty means any. http-01 matches the host of each
 *                  fetched URL (so a redirect's host too), tls-alpn-01 and DNS the identifier
 * @param addresses CIDR blocks the resolved target address must be in; empty means any. For DNS
 *                  this is the resolver's address
 * @param ports     target ports; empty means any
 * @param services  {@code http-01}, {@code tls-alpn-01}, {@code dns}; empty means http-01 and
 *                  tls-alpn-01, so DNS stays reachable unless a rule names it, as in real life
 * @param allow     source CIDR blocks let through; when non-empty, all others are blocked
 * @param deny      source CIDR blocks blocked
 * @param block     {@code drop} (default: the connect times out) or {@code reject} (refused)
 * @param delay     real time a blocked attempt takes before it fails; zero (default) fails at
 *                  once, which keeps tests fast, since the outcome reads as a timeout either way
 */
public record FirewallRule(
        String name,
        List<String> targets,
        List<String> addresses,
        List<Integer> ports,
        List<FirewallService> services,
        List<String> allow,
        List<String> deny,
        BlockMode block,
        Duration delay) {

    public FirewallRule {
        name = Check.urlSafeName("name", name);
        targets = targets(targets);
        addresses = cidrs("addresses", addresses);
        ports = ports == null ? List.of() : List.copyOf(ports);
        for (int i = 0; i < ports.size(); i++) {
            Check.range("ports." + i, ports.get(i), 1, 65535);
        }
        services = services == null ? List.of() : List.copyOf(services);
        allow = cidrs("allow", allow);
        deny = cidrs("deny", deny);
        if (allow.isEmpty() && deny.isEmpty()) {
            throw new ConfigException("allow", "[]", "a rule needs \"allow\" or \"deny\" source blocks; "
                    + "to block every source, deny 0.0.0.0/0 and ::/0");
        }
        block = block == null ? BlockMode.DROP : block;
        delay = delay == null ? Duration.ZERO : Check.nonNegative("delay", delay);
    }

    /** An allowlist: only sources in {@code allow} reach {@code targets}; the others are dropped. */
    public static FirewallRule allowOnly(String name, List<String> targets, List<String> allow) {
        return new FirewallRule(name, targets, List.of(), List.of(), List.of(), allow, List.of(), BlockMode.DROP,
                Duration.ZERO);
    }

    /** A denylist: sources in {@code deny} cannot reach {@code targets} (any target when empty); they are dropped. */
    public static FirewallRule denySources(String name, List<String> targets, List<String> deny) {
        return new FirewallRule(name, targets, List.of(), List.of(), List.of(), List.of(), deny, BlockMode.DROP,
                Duration.ZERO);
    }

    public FirewallRule withServices(List<FirewallService> v) {
        return new FirewallRule(name, targets, addresses, ports, v, allow, deny, block, delay);
    }

    public FirewallRule withPorts(List<Integer> v) {
        return new FirewallRule(name, targets, addresses, v, services, allow, deny, block, delay);
    }

    public FirewallRule withAddresses(List<String> v) {
        return new FirewallRule(name, targets, v, ports, services, allow, deny, block, delay);
    }

    public FirewallRule withBlock(BlockMode v) {
        return new FirewallRule(name, targets, addresses, ports, services, allow, deny, v, delay);
    }

    public FirewallRule withDelay(Duration v) {
        return new FirewallRule(name, targets, addresses, ports, services, allow, deny, block, v);
    }

    private static List<String> targets(List<String> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            String key = "targets." + i;
            String t = Check.notBlank(key, values.get(i)).trim().toLowerCase(Locale.ROOT);
            t = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
            String rest = t.startsWith("*.") ? t.substring(2) : t;
            if (rest.isEmpty() || rest.contains("*") || rest.startsWith(".") || rest.contains("..")
                    || rest.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(key, values.get(i),
                        "a target is a name (site.test), a pattern (*.site.test) or an IP address");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    private static List<String> cidrs(String key, List<String> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            try {
                out.add(Cidr.parse(values.get(i)).toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + "." + i, values.get(i), e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
