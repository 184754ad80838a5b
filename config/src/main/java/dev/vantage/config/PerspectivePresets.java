package dev.vantage.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets of vantage points with the shapes CAs have used, so a test can say "validate like Let's
 * Encrypt" without listing addresses. Every address is from a documentation range (RFC 5737,
 * RFC 3849); regions and RIRs are plausible, not Let's Encrypt's actual sites, which it does not
 * publish.
 *
 * <ul>
 *   <li>{@code single}: the primary alone, like Pebble;</li>
 *   <li>{@code le-2020}: primary plus 3 remotes in 3 RIRs, two of three must agree (Let's Encrypt 2020);</li>
 *   <li>{@code le}: primary plus 4 remotes in 3 RIRs (Let's Encrypt since 2024; BR quorum allows 1 failure);</li>
 *   <li>{@code br-2026-12}: primary plus 5 remotes in 4 RIRs (BR minimum from 2026-12-15).</li>
 * </ul>
 */
public final class PerspectivePresets {
    private static final VantagePointConfig PRIMARY =
            VantagePointConfig.of("primary", "us-west", "ARIN", "192.0.2.10").withPrimary(true);
    private static final VantagePointConfig US_EAST = VantagePointConfig.of("us-east", "us-east", "ARIN", "198.51.100.20");
    private static final VantagePointConfig EU_CENTRAL =
            VantagePointConfig.of("eu-central", "eu-central", "RIPE", "198.51.100.30");
    private static final VantagePointConfig AP_SOUTHEAST =
            VantagePointConfig.of("ap-southeast", "ap-southeast", "APNIC", "203.0.113.40");
    private static final VantagePointConfig EU_NORTH = VantagePointConfig.of("eu-north", "eu-north", "RIPE", "2001:db8::50");
    private static final VantagePointConfig SA_EAST = VantagePointConfig.of("sa-east", "sa-east", "LACNIC", "203.0.113.60");

    private static final Map<String, List<VantagePointConfig>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("single", List.of(PRIMARY));
        PRESETS.put("le-2020", List.of(PRIMARY, US_EAST, EU_CENTRAL, AP_SOUTHEAST));
        PRESETS.put("le", List.of(PRIMARY, US_EAST, EU_CENTRAL, AP_SOUTHEAST, EU_NORTH));
        PRESETS.put("br-2026-12", List.of(PRIMARY, US_EAST, EU_CENTRAL, AP_SOUTHEAST, EU_NORTH, SA_EAST));
    }

    private PerspectivePresets() {
    }

    /** The preset's vantage points, primary first, or empty when no preset has that name. */
    public static Optional<List<VantagePointConfig>> get(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** Every preset name, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }
}
