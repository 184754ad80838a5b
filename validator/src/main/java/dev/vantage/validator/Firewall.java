package dev.vantage.validator;

import dev.vantage.config.BlockMode;
import dev.vantage.config.FirewallConfig;
import dev.vantage.config.FirewallRule;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The simulated network's firewall: an immutable set of rules and a pure decision, asked by each
 * check right before it would open a connection (after DNS, so rules on target addresses work).
 *
 * <p>Precedence (see {@link FirewallConfig}): a connection passes only if every rule matching its
 * target admits its source; within a rule, deny beats allow and a non-empty allowlist blocks
 * every source not on it. When several rules block, the first in order decides how.
 */
public final class Firewall {
    private static final Firewall OPEN = new Firewall(List.of());

    private final List<FirewallRule> rules;
    private final List<CompiledRule> compiled;

    /** A firewall with {@code rules}, in order. */
    public Firewall(List<FirewallRule> rules) {
        this.rules = List.copyOf(new FirewallConfig(rules).rules()); // names unique
        this.compiled = this.rules.stream().map(CompiledRule::of).toList();
    }

    /** No rules: everything passes. */
    public static Firewall open() {
        return OPEN;
    }

    /** The rules, in order. */
    public List<FirewallRule> rules() {
        return rules;
    }

    /** What happens to a connection from {@code source} to {@code target}. */
    public Verdict verdict(InetAddress source, FirewallTarget target) {
        for (CompiledRule rule : compiled) {
            if (rule.matches(target) && !rule.admits(source)) {
                return new Verdict.Blocked(rule.rule().name(), rule.rule().block(), rule.rule().delay());
            }
        }
        return Verdict.PASS;
    }

    /** A firewall's decision about one connection. */
    public sealed interface Verdict permits Verdict.Pass, Verdict.Blocked {
        /** The single "let it through" verdict. */
        Verdict PASS = new Pass();

        /** The connection goes through. */
        record Pass() implements Verdict {
        }

        /**
         * The connection is blocked.
         *
         * @param rule  the name of the first rule (in order) that blocked it
         * @param mode  how the block looks: a connect timeout or a refusal
         * @param delay how long the blocked attempt takes before it fails
         */
        record Blocked(String rule, BlockMode mode, Duration delay) implements Verdict {
        }
    }
}
