package dev.vantage.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A vantage point: a place challenges are checked from (CA/Browser Forum BR §3.2.2.9 "network
 * perspective"). Left-out members take their defaults: not primary, enabled, no latency, no
 * forced failure, no bind address.
 *
 * @param name          unique; shown in reports and used in management routes
 * @param region        where it pretends to be, for example {@code eu-central}; free text
 * @param rir           the Regional Internet Registry of its address: ARIN, RIPE, APNIC, LACNIC
 *                      or AFRINIC (the BR count RIRs, not regions, for quorum diversity)
 * @param sourceAddress the simulated public address it connects from, which firewall rules
 *                      match and reports show; never bound. Documentation ranges (192.0.2.0/24,
 *                      198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) keep it obviously fake
 * @param bindAddress   a real local address outgoing validation connections and DNS queries
 *                      bind to, so a real target sees distinct sources (on Linux any address in
 *                      127.0.0.0/8 works); empty lets the system choose
 * @param primary       the CA's own perspective, which validates first (at most one point may
 *                      say so; when none does, the first point is the primary)
 * @param enabled       a disabled point takes no part in validation or quorum
 * @param latency       added before this point's check, to simulate a far-away perspective
 * @param forcedFailure an ACME error type ({@link #FAILURE_TYPES}) this point always fails with,
 *                      without contacting anything; empty for none
 */
public record VantagePointConfig(
        String name,
        String region,
        String rir,
        String sourceAddress,
        String bindAddress,
        Boolean primary,
        Boolean enabled,
        Duration latency,
        String forcedFailure) {

    /** The RIRs (RFC 7020 §2); RIPE stands for the RIPE NCC. */
    public static final List<String> RIRS = List.of("ARIN", "RIPE", "APNIC", "LACNIC", "AFRINIC");
    /** The ACME error types (RFC 8555 §6.7) a forced failure can take. */
    public static final List<String> FAILURE_TYPES = List.of("connection", "dns", "unauthorized",
            "incorrectResponse", "tls", "caa", "serverInternal");

    public VantagePointConfig {
        name = Check.urlSafeName("name", name);
        region = region == null ? "" : region.trim();
        rir = Check.notBlank("rir", rir).trim().toUpperCase(Locale.ROOT);
        if (!RIRS.contains(rir)) {
            throw new ConfigException("rir", rir, "unknown RIR; known: " + String.join(", ", RIRS));
        }
        sourceAddress = Check.ipLiteral("sourceAddress", sourceAddress);
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "" : Check.ipLiteral("bindAddress", bindAddress);
        primary = primary != null && primary;
        enabled = enabled == null || enabled;
        latency = latency == null ? Duration.ZERO : Check.nonNegative("latency", latency);
        forcedFailure = forcedFailure == null ? "" : forcedFailure.trim();
        if (!forcedFailure.isEmpty() && !FAILURE_TYPES.contains(forcedFailure)) {
            throw new ConfigException("forcedFailure", forcedFailure,
                    "unknown error type; use one of " + String.join(", ", FAILURE_TYPES) + ", or \"\" for none");
        }
        if (primary && !enabled) {
            throw new ConfigException("enabled", false, "the primary perspective cannot be disabled");
        }
    }

    /** An enabled, non-primary point without latency, forced failure or bind address. */
    public static VantagePointConfig of(String name, String region, String rir, String sourceAddress) {
        return new VantagePointConfig(name, region, rir, sourceAddress, "", false, true, Duration.ZERO, "");
    }

    public VantagePointConfig withPrimary(boolean v) {
        return new VantagePointConfig(name, region, rir, sourceAddress, bindAddress, v, enabled, latency, forcedFailure);
    }

    public VantagePointConfig withEnabled(boolean v) {
        return new VantagePointConfig(name, region, rir, sourceAddress, bindAddress, primary, v, latency, forcedFailure);
    }

    public VantagePointConfig withBindAddress(String v) {
        return new VantagePointConfig(name, region, rir, sourceAddress, v, primary, enabled, latency, forcedFailure);
    }

    public VantagePointConfig withLatency(Duration v) {
        return new VantagePointConfig(name, region, rir, sourceAddress, bindAddress, primary, enabled, v, forcedFailure);
    }

    /** This point failing with the ACME error type {@code v} ({@code connection}, {@code dns}, …); "" for none. */
    public VantagePointConfig withForcedFailure(String v) {
        return new VantagePointConfig(name, region, rir, sourceAddress, bindAddress, primary, enabled, latency, v);
    }
}
