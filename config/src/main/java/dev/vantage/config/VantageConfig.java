package dev.vantage.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting of a Vantage server. Build one with {@link #defaults()} and the {@code with…}
 * methods, or load one with {@link ConfigLoader}.
 *
 * @param defaultProfile the profile of an order that names none; a key of {@code profiles}
 */
public record VantageConfig(
        AcmeConfig acme,
        ManagementConfig management,
        CaConfig ca,
        ValidationConfig validation,
        DnsConfig dns,
        Map<String, ProfileConfig> profiles,
        String defaultProfile,
        ReuseConfig reuse,
        FaultsConfig faults,
        PerspectivesConfig perspectives,
        FirewallConfig firewall) {

    public VantageConfig {
        require("acme", acme);
        require("management", management);
        require("ca", ca);
        require("validation", validation);
        require("dns", dns);
        require("reuse", reuse);
        require("faults", faults);
        require("perspectives", perspectives);
        require("firewall", firewall);
        if (profiles == null || profiles.isEmpty()) {
            throw new ConfigException("profiles", profiles, "at least one profile is required");
        }
        for (String name : profiles.keySet()) {
            ProfileConfig.checkName("profiles", name);
        }
        profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        if (defaultProfile == null || !profiles.containsKey(defaultProfile)) {
            throw new ConfigException("defaultProfile", defaultProfile,
                    "must name one of the configured profiles " + profiles.keySet());
        }
    }

    /**
     * Embedded defaults: Pebble's ports, Let's Encrypt's profiles, reuse rules and perspectives
     * (primary plus four remotes, BR quorum), no firewall rules, no faults.
     */
    public static VantageConfig defaults() {
        Map<String, ProfileConfig> profiles = new LinkedHashMap<>();
        for (String name : new String[] {"classic", "tlsserver", "shortlived"}) {
            profiles.put(name, ProfilePresets.get(name).orElseThrow());
        }
        return new VantageConfig(AcmeConfig.defaults(), ManagementConfig.defaults(), CaConfig.defaults(),
                ValidationConfig.defaults(), DnsConfig.defaults(), profiles, "classic",
                ReuseConfig.defaults(), FaultsConfig.defaults(), PerspectivesConfig.defaults(),
                FirewallConfig.defaults());
    }

    public VantageConfig withAcme(AcmeConfig v) {
        return new VantageConfig(v, management, ca, validation, dns, profiles, defaultProfile, reuse, faults,
                perspectives, firewall);
    }

    public VantageConfig withManagement(ManagementConfig v) {
        return new VantageConfig(acme, v, ca, validation, dns, profiles, defaultProfile, reuse, faults, perspectives,
                firewall);
    }

    public VantageConfig withCa(CaConfig v) {
        return new VantageConfig(acme, management, v, validation, dns, profiles, defaultProfile, reuse, faults,
                perspectives, firewall);
    }

    public VantageConfig withValidation(ValidationConfig v) {
        return new VantageConfig(acme, management, ca, v, dns, profiles, defaultProfile, reuse, faults, perspectives,
                firewall);
    }

    public VantageConfig withDns(DnsConfig v) {
        return new VantageConfig(acme, management, ca, validation, v, profiles, defaultProfile, reuse, faults,
                perspectives, firewall);
    }

    public VantageConfig withProfiles(Map<String, ProfileConfig> v, String defaultName) {
        return new VantageConfig(acme, management, ca, validation, dns, v, defaultName, reuse, faults, perspectives,
                firewall);
    }

    public VantageConfig withReuse(ReuseConfig v) {
        return new VantageConfig(acme, management, ca, validation, dns, profiles, defaultProfile, v, faults,
                perspectives, firewall);
    }

    public VantageConfig withFaults(FaultsConfig v) {
        return new VantageConfig(acme, management, ca, validation, dns, profiles, defaultProfile, reuse, v,
                perspectives, firewall);
    }

    public VantageConfig withPerspectives(PerspectivesConfig v) {
        return new VantageConfig(acme, management, ca, validation, dns, profiles, defaultProfile, reuse, faults, v,
                firewall);
    }

    public VantageConfig withFirewall(FirewallConfig v) {
        return new VantageConfig(acme, management, ca, validation, dns, profiles, defaultProfile, reuse, faults,
                perspectives, v);
    }

    private static void require(String key, Object section) {
        if (section == null) {
            throw new ConfigException(key, null, "section is required");
        }
    }
}
