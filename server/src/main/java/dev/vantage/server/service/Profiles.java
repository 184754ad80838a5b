package dev.vantage.server.service;

import dev.vantage.config.ProfileConfig;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles in force (draft-ietf-acme-profiles). They can change at runtime (the reuse window
 * is the setting testers turn most); a change applies to the next order, never to existing
 * authorizations, whose expiry was fixed when they were created or validated.
 */
public final class Profiles {
    private volatile Snapshot current;

    public Profiles(Map<String, ProfileConfig> profiles, String defaultName) {
        replaceAll(profiles, defaultName);
    }

    /** Back to a given set of profiles (a reset restores the configured ones). */
    public synchronized void replaceAll(Map<String, ProfileConfig> profiles, String defaultName) {
        this.current = new Snapshot(Map.copyOf(profiles), new LinkedHashMap<>(profiles).keySet().stream().toList(),
                defaultName);
    }

    /** A profile by name with the name itself; null or empty means the default (§ "profile" in newOrder). */
    public Named resolve(String requested) {
        Snapshot s = current;
        String name = requested == null || requested.isEmpty() ? s.defaultName : requested;
        ProfileConfig p = s.profiles.get(name);
        if (p == null) {
            throw new AcmeProblemException(ProblemType.INVALID_PROFILE,
                    "profile \"" + requested + "\" is not offered; this server offers " + s.order);
        }
        return new Named(name, p);
    }

    /** The profile an existing resource was created under (it may since have changed). */
    public ProfileConfig get(String name) {
        ProfileConfig p = current.profiles.get(name);
        return p != null ? p : current.profiles.get(current.defaultName);
    }

    /** All profiles in their configured order. */
    public Map<String, ProfileConfig> all() {
        Snapshot s = current;
        Map<String, ProfileConfig> out = new LinkedHashMap<>();
        s.order.forEach(n -> out.put(n, s.profiles.get(n)));
        return out;
    }

    public String defaultName() {
        return current.defaultName;
    }

    /** Replaces (or adds) one profile. */
    public synchronized void put(String name, ProfileConfig profile) {
        Snapshot s = current;
        Map<String, ProfileConfig> next = new LinkedHashMap<>(all());
        next.put(name, profile);
        current = new Snapshot(Map.copyOf(next), next.keySet().stream().toList(), s.defaultName);
    }

    /** Makes {@code name} the default profile. */
    public synchronized void defaultName(String name) {
        if (!current.profiles.containsKey(name)) {
            throw new IllegalArgumentException("no profile named \"" + name + "\"; known: " + current.order);
        }
        current = new Snapshot(current.profiles, current.order, name);
    }

    /** A profile and its name. */
    public record Named(String name, ProfileConfig profile) {
    }

    private record Snapshot(Map<String, ProfileConfig> profiles, List<String> order, String defaultName) {
    }
}
