package dev.vantage.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated network's firewall rules, checked per perspective against its simulated source
 * address before any connection is opened.
 *
 * <p>How rules combine (order-independent, except for how a block looks): a connection goes
 * through only if <em>every</em> rule that matches its target lets its source through. So a deny
 * anywhere beats an allow anywhere, and an allowlist rule blocks every source not on it even when
 * another rule allows that source. When several rules block, the first of them in this list
 * decides the block mode and delay, and is the one reported.
 *
 * @param rules in order; names are unique
 */
public record FirewallConfig(List<FirewallRule> rules) {

    public FirewallConfig {
        rules = rules == null ? List.of() : List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new ConfigException("rules." + i, null, "a rule is required");
            }
            if (!names.add(rules.get(i).name())) {
                throw new ConfigException("rules." + i + ".name", rules.get(i).name(), "another rule has this name");
            }
        }
    }

    /** No rules: every perspective reaches every target. */
    public static FirewallConfig defaults() {
        return new FirewallConfig(List.of());
    }
}
