package dev.vantage.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-perspective validation (CA/Browser Forum BR §3.2.2.9): which vantage points check a
 * challenge, in what order, and how their results combine.
 *
 * @param preset      a {@link PerspectivePresets} name whose points are used when {@code points}
 *                    is empty; {@code le} by default
 * @param points      vantage points to use instead of the preset's; empty means the preset's.
 *                    Read the points in force with {@link #effectivePoints()}
 * @param quorum      how remote results decide
 * @param concurrent  false (default): the primary first and the remotes, concurrently, only if
 *                    it passed, as Boulder does; true: every perspective at once
 * @param timeout     bound on one perspective's whole check (latency, DNS, redirects included);
 *                    one that takes longer fails with a connection problem and is recorded
 * @param subproblems give a failed challenge's error one subproblem per failed perspective
 *                    (RFC 8555 §6.7.1); Let's Encrypt shows only the one problem
 */
public record PerspectivesConfig(
        String preset,
        List<VantagePointConfig> points,
        QuorumConfig quorum,
        boolean concurrent,
        Duration timeout,
        boolean subproblems) {

    public PerspectivesConfig {
        preset = preset == null ? "" : preset.trim();
        if (!preset.isEmpty() && PerspectivePresets.get(preset).isEmpty()) {
            throw new ConfigException("preset", preset,
                    "unknown preset; known presets: " + String.join(", ", PerspectivePresets.names()));
        }
        points = points == null ? List.of() : List.copyOf(points);
        if (preset.isEmpty() && points.isEmpty()) {
            throw new ConfigException("points", "[]", "list vantage points or name a preset ("
                    + String.join(", ", PerspectivePresets.names()) + ")");
        }
        quorum = quorum == null ? QuorumConfig.defaults() : quorum;
        Check.positive("timeout", timeout);
        resolve(points);
    }

    static PerspectivesConfig defaults() {
        return of("le");
    }

    /** A preset's points with the default quorum, primary first, and a 20-second bound per perspective. */
    public static PerspectivesConfig of(String preset) {
        return new PerspectivesConfig(preset, List.of(), QuorumConfig.defaults(), false, Duration.ofSeconds(20), false);
    }

    /**
     * The vantage points in force: {@code points}, or the preset's when it is empty, with exactly
     * one marked primary (the first, when none was marked).
     */
    public List<VantagePointConfig> effectivePoints() {
        return resolve(points.isEmpty() ? PerspectivePresets.get(preset).orElseThrow() : points);
    }

    /** The primary vantage point. */
    public VantagePointConfig primaryPoint() {
        return effectivePoints().stream().filter(VantagePointConfig::primary).findFirst().orElseThrow();
    }

    /** These settings with explicit points (the preset stays as a label). */
    public PerspectivesConfig withPoints(List<VantagePointConfig> v) {
        return new PerspectivesConfig(preset, v, quorum, concurrent, timeout, subproblems);
    }

    /** These settings with a preset's points: explicit points are dropped. */
    public PerspectivesConfig withPreset(String name) {
        return new PerspectivesConfig(name, List.of(), quorum, concurrent, timeout, subproblems);
    }

    public PerspectivesConfig withQuorum(QuorumConfig v) {
        return new PerspectivesConfig(preset, points, v, concurrent, timeout, subproblems);
    }

    public PerspectivesConfig withConcurrent(boolean v) {
        return new PerspectivesConfig(preset, points, quorum, v, timeout, subproblems);
    }

    public PerspectivesConfig withTimeout(Duration v) {
        return new PerspectivesConfig(preset, points, quorum, concurrent, v, subproblems);
    }

    public PerspectivesConfig withSubproblems(boolean v) {
        return new PerspectivesConfig(preset, points, quorum, concurrent, timeout, v);
    }

    /** Checks names and the primary, and marks the first point primary when none is. */
    private static List<VantagePointConfig> resolve(List<VantagePointConfig> list) {
        if (list.isEmpty()) {
            return list;
        }
        Set<String> names = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < list.size(); i++) {
            VantagePointConfig p = list.get(i);
            if (p == null) {
                throw new ConfigException("points." + i, null, "a vantage point is required");
            }
            if (!names.add(p.name())) {
                throw new ConfigException("points." + i + ".name", p.name(), "another vantage point has this name");
            }
            primaries += p.primary() ? 1 : 0;
        }
        if (primaries > 1) {
            throw new ConfigException("points", list.stream().filter(VantagePointConfig::primary)
                    .map(VantagePointConfig::name).toList().toString(), "only one vantage point can be the primary");
        }
        List<VantagePointConfig> out = new ArrayList<>(list);
        if (primaries == 0) {
            try {
                out.set(0, out.get(0).withPrimary(true));
            } catch (ConfigException e) {
                throw e.under("points.0"); // the first point is the primary, and that one cannot be disabled
            }
        }
        return List.copyOf(out);
    }
}
