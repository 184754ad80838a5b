package dev.vantage.validator;

import dev.vantage.config.Cidr;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.FirewallService;
import dev.vantage.config.IpAddresses;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A {@link FirewallRule} with its blocks parsed, so matching allocates and parses nothing. */
record CompiledRule(FirewallRule rule, List<String> names, List<InetAddress> literals, List<Cidr> addresses,
                    Set<FirewallService> services, List<Cidr> allow, List<Cidr> deny) {

    /** With no services named, a rule protects the connections to the target, not its DNS. */
    private static final Set<FirewallService> CONNECTIONS = EnumSet.of(FirewallService.HTTP_01, FirewallService.TLS_ALPN_01);

    static CompiledRule of(FirewallRule rule) {
        List<String> names = rule.targets().stream().filter(t -> literal(t) == null).toList();
        List<InetAddress> literals = rule.targets().stream().map(CompiledRule::literal).filter(a -> a != null).toList();
        Set<FirewallService> services = rule.services().isEmpty() ? CONNECTIONS : EnumSet.copyOf(rule.services());
        return new CompiledRule(rule, names, literals, cidrs(rule.addresses()), services, cidrs(rule.allow()),
                cidrs(rule.deny()));
    }

    /** True when the rule is about this connection: every list it sets matches the target. */
    boolean matches(FirewallTarget target) {
        boolean anyTarget = names.isEmpty() && literals.isEmpty();
        return services.contains(target.service())
                && (anyTarget || matchesName(target.name()))
                && (addresses.isEmpty() || addresses.stream().anyMatch(c -> c.contains(target.address())))
                && (rule.ports().isEmpty() || rule.ports().contains(target.port()));
    }

    /** True when the rule lets {@code source} through: not denied (deny beats allow), and allowed if there is an allowlist. */
    boolean admits(InetAddress source) {
        if (deny.stream().anyMatch(c -> c.contains(source))) {
            return false;
        }
        return allow.isEmpty() || allow.stream().anyMatch(c -> c.contains(source));
    }

    private boolean matchesName(String host) {
        InetAddress literal = literal(host);
        if (literal != null) {
            return literals.contains(literal);
        }
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String pattern : names) {
            boolean match = pattern.startsWith("*.") ? name.endsWith(pattern.substring(1)) : name.equals(pattern);
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress literal(String text) {
        try {
            return IpAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Cidr> cidrs(List<String> blocks) {
        return blocks.stream().map(Cidr::parse).toList();
    }
}
