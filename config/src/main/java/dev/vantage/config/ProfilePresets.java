package dev.vantage.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Profiles with published values, so a test can say "behave like Let's Encrypt's classic profile"
 * instead of copying numbers. Values: Let's Encrypt's profile documentation and announcements
 * (classic's reuse window drops to 10 days on 2027-02-10 and to 7 hours on 2028-02-16; 7 hours
 * keeps reuse under the Baseline Requirements' 8-hour CAA re-check; IP identifiers only under
 * shortlived), and Pebble's hard-coded ones.
 */
public final class ProfilePresets {
    private static final Set<String> DNS_AND_IP = Set.of("dns", "ip");
    private static final Map<String, ProfileConfig> PRESETS = new LinkedHashMap<>();

    static {
        put("classic", "Let's Encrypt classic: 90-day certificates, 30-day authorization reuse",
                days(7), days(30), days(7), days(90), Set.of("dns"));
        put("classic-2027", "Let's Encrypt classic from 2027-02-10: 10-day authorization reuse",
                days(7), days(10), days(7), days(90), Set.of("dns"));
        // 7 hours is less than the 21-hour cutoff of 7-day orders, so under today's reuse rule
        // nothing is reused at all; the description says so rather than promise reuse.
        put("classic-2028", "Let's Encrypt classic from 2028-02-16: valid authorizations live 7 hours, "
                        + "under the 21-hour reuse cutoff, so they are never reused",
                days(7), hours(7), days(7), days(90), Set.of("dns"));
        put("tlsserver", "Let's Encrypt tlsserver: 45-day certificates, 7-hour authorization reuse",
                hours(1), hours(7), hours(8), days(45), Set.of("dns"));
        put("shortlived", "Let's Encrypt shortlived: 160-hour certificates, 7-hour authorization reuse",
                hours(1), hours(7), hours(8), hours(160), DNS_AND_IP);
        put("pebble", "Pebble's fixed lifetimes: 1-hour authorizations, 24-hour orders",
                hours(1), hours(1), hours(24), days(5 * 365 + 1), DNS_AND_IP);
    }

    private ProfilePresets() {
    }

    /** The preset's values, or empty when no preset has that name. */
    public static Optional<ProfileConfig> get(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** Every preset name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    private static void put(String name, String description, Duration pending, Duration valid, Duration order,
                            Duration validity, Set<String> types) {
        PRESETS.put(name, ProfileConfig.of(description, pending, valid, order, validity, types));
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private static Duration hours(int n) {
        return Duration.ofHours(n);
    }
}
