package dev.vantage.validator;

import dev.vantage.config.FirewallConfig;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.PerspectivePresets;
import dev.vantage.config.PerspectivesConfig;
import dev.vantage.config.VantagePointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The vantage points and the firewall in force, changeable at runtime. Every change swaps an
 * immutable snapshot, so a validation already running keeps the one it started with and the
 * next validation sees the change. Settings are checked as in a config file: a bad one throws
 * {@link dev.vantage.config.ConfigException} naming the key and leaves the state unchanged.
 */
public final class SimulatedNetwork {
    private final PerspectivesConfig configuredPerspectives;
    private final List<FirewallRule> configuredRules;
    private volatile Snapshot current;

    /** The perspectives and firewall rules as configured; {@link #reset()} comes back to them. */
    public SimulatedNetwork(PerspectivesConfig perspectives, FirewallConfig firewall) {
        this.configuredPerspectives = require(perspectives);
        this.configuredRules = firewall == null ? List.of() : firewall.rules();
        reset();
    }

    /** The primary alone and no rules: Pebble's single perspective. */
    public static SimulatedNetwork single() {
        return new SimulatedNetwork(PerspectivesConfig.of("single"), FirewallConfig.defaults());
    }

    /**
     * What one validation runs with.
     *
     * @param remotes the enabled remote points, in configured order
     */
    record Snapshot(PerspectivesConfig perspectives, VantagePoint primary, List<VantagePoint> remotes,
                    Firewall firewall) {
        static Snapshot of(PerspectivesConfig perspectives, Firewall firewall) {
            List<VantagePointConfig> points = perspectives.effectivePoints();
            VantagePoint primary = VantagePoint.of(perspectives.primaryPoint());
            List<VantagePoint> remotes = points.stream().filter(p -> !p.primary() && p.enabled())
                    .map(VantagePoint::of).toList();
            return new Snapshot(perspectives, primary, remotes, firewall);
        }
    }

    Snapshot snapshot() {
        return current;
    }

    /** Puts the perspectives and the rules back as configured. */
    public synchronized void reset() {
        current = Snapshot.of(configuredPerspectives, new Firewall(configuredRules));
    }

    /** Puts the perspectives back as configured; the rules stay. */
    public synchronized void resetPerspectives() {
        setPerspectives(configuredPerspectives);
    }

    /** Puts the rules back as configured; the perspectives stay. */
    public synchronized void resetRules() {
        setRules(configuredRules);
    }

    /** The perspective settings in force; {@link PerspectivesConfig#effectivePoints()} lists the points. */
    public PerspectivesConfig perspectives() {
        return current.perspectives();
    }

    /** The vantage points in force, the primary marked. */
    public List<VantagePointConfig> points() {
        return current.perspectives().effectivePoints();
    }

    /** Replaces the perspective settings (points, quorum, order, timeout, subproblems). */
    public synchronized void setPerspectives(PerspectivesConfig perspectives) {
        current = Snapshot.of(require(perspectives), current.firewall());
    }

    /** Uses a preset's points ({@link PerspectivePresets#names()}), keeping quorum and the other settings. */
    public synchronized PerspectivesConfig usePreset(String name) {
        setPerspectives(current.perspectives().withPreset(name));
        return perspectives();
    }

    /**
     * Changes one vantage point, for example {@code p -> p.withEnabled(false)}. The points become
     * explicit (a preset's are copied first).
     *
     * @throws NoSuchElementException when no point has that name
     */
    public synchronized VantagePointConfig updatePoint(String name, UnaryOperator<VantagePointConfig> change) {
        List<VantagePointConfig> points = new ArrayList<>(points());
        int i = indexOfPoint(points, name);
        points.set(i, change.apply(points.get(i)));
        setPerspectives(current.perspectives().withPoints(points));
        return points().get(i);
    }

    /** The firewall rules in force, in order. */
    public List<FirewallRule> rules() {
        return current.firewall().rules();
    }

    /** The rule with this name. */
    public Optional<FirewallRule> rule(String name) {
        return rules().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The firewall in force, to ask what it would do. */
    public Firewall firewall() {
        return current.firewall();
    }

    /** Adds a rule at the end, or replaces the rule with the same name where it stands. */
    public synchronized void putRule(FirewallRule rule) {
        List<FirewallRule> rules = new ArrayList<>(rules());
        int i = rules.stream().map(FirewallRule::name).toList().indexOf(rule.name());
        if (i >= 0) {
            rules.set(i, rule);
        } else {
            rules.add(rule);
        }
        setRules(rules);
    }

    /** Removes the rule with this name; false when there was none. */
    public synchronized boolean removeRule(String name) {
        List<FirewallRule> rules = new ArrayList<>(rules());
        boolean removed = rules.removeIf(r -> r.name().equals(name));
        setRules(rules);
        return removed;
    }

    /** Replaces every rule. */
    public synchronized void setRules(List<FirewallRule> rules) {
        current = new Snapshot(current.perspectives(), current.primary(), current.remotes(), new Firewall(rules));
    }

    private static int indexOfPoint(List<VantagePointConfig> points, String name) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new NoSuchElementException("no vantage point named \"" + name + "\"; known: "
                + points.stream().map(VantagePointConfig::name).toList());
    }

    private static PerspectivesConfig require(PerspectivesConfig perspectives) {
        if (perspectives == null) {
            throw new IllegalArgumentException("perspective settings are required");
        }
        return perspectives;
    }
}
