package dev.vantage.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * An issuance profile (draft-ietf-acme-profiles): the lifetimes that decide authorization reuse,
 * and what a certificate looks like. Any field left out is taken from {@link #preset()}.
 *
 * @param preset               one of {@link ProfilePresets#names()} or null
 * @param description          shown in {@code meta.profiles}
 * @param pendingAuthzLifetime how long a new authorization stays pending
 * @param validAuthzLifetime   how long a validated authorization lives and can be reused: the
 *                             reuse window; zero means never reuse
 * @param orderLifetime        how long a new order lives (it also sets the reuse cutoff)
 * @param certificateValidity  notAfter − notBefore of issued certificates
 * @param identifierTypes      identifier types this profile issues for ({@code dns}, {@code ip})
 */
public record ProfileConfig(
        String preset,
        String description,
        Duration pendingAuthzLifetime,
        Duration validAuthzLifetime,
        Duration orderLifetime,
        Duration certificateValidity,
        Set<String> identifierTypes) {

    private static final Set<String> KNOWN_TYPES = Set.of("dns", "ip");

    public ProfileConfig {
        ProfileConfig base = preset == null || preset.isEmpty() ? null : ProfilePresets.get(preset)
                .orElseThrow(() -> new ConfigException("preset", preset,
                        "unknown preset; known presets: " + String.join(", ", ProfilePresets.names())));
        if (base != null) {
            description = description != null ? description : base.description;
            pendingAuthzLifetime = pendingAuthzLifetime != null ? pendingAuthzLifetime : base.pendingAuthzLifetime;
            validAuthzLifetime = validAuthzLifetime != null ? validAuthzLifetime : base.validAuthzLifetime;
            orderLifetime = orderLifetime != null ? orderLifetime : base.orderLifetime;
            certificateValidity = certificateValidity != null ? certificateValidity : base.certificateValidity;
            identifierTypes = identifierTypes != null ? identifierTypes : base.identifierTypes;
        }
        description = description == null ? "" : description;
        Check.positive("pendingAuthzLifetime", pendingAuthzLifetime);
        Check.nonNegative("validAuthzLifetime", validAuthzLifetime);
        Check.positive("orderLifetime", orderLifetime);
        Check.positive("certificateValidity", certificateValidity);
        if (identifierTypes == null || identifierTypes.isEmpty()) {
            throw new ConfigException("identifierTypes", identifierTypes, "name at least one of dns, ip");
        }
        identifierTypes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(
                identifierTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
        for (String t : identifierTypes) {
            if (!KNOWN_TYPES.contains(t)) {
                throw new ConfigException("identifierTypes", t, "unknown identifier type; known: dns, ip");
            }
        }
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Profile names go into URLs and newOrder payloads: letters, digits, dot, hyphen, underscore, 64 at most. */
    public static String checkName(String key, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException(key, name, "a profile name is 1 to 64 letters, digits, dots, hyphens or "
                    + "underscores, starting with a letter or digit");
        }
        return name;
    }

    /** A profile with every field given, no preset. */
    public static ProfileConfig of(String description, Duration pending, Duration valid, Duration order,
                                   Duration certificateValidity, Set<String> identifierTypes) {
        return new ProfileConfig(null, description, pending, valid, order, certificateValidity, identifierTypes);
    }

    /** This profile with another reuse window. */
    public ProfileConfig withValidAuthzLifetime(Duration window) {
        return new ProfileConfig(preset, description, pendingAuthzLifetime, window, orderLifetime,
                certificateValidity, identifierTypes);
    }
}
