package dev.vantage.validator;

import dev.vantage.config.IpAddresses;
import dev.vantage.config.VantagePointConfig;
import java.net.InetAddress;
import java.time.Duration;

/**
 * A place a challenge is checked from (CA/Browser Forum BR §3.2.2.9 "network perspective"), as
 * the validator uses it; {@link VantagePointConfig} is the setting it comes from.
 *
 * @param name          how reports and logs name it, for example {@code primary}
 * @param region        where it pretends to be; free text
 * @param rir           the Regional Internet Registry its address belongs to, for the quorum's
 *                      diversity rule
 * @param source        the public address it pretends to come from, which simulated firewall
 *                      rules match against and reports show; never bound
 * @param bindAddress   a real local address outgoing sockets bind to (for example
 *                      {@code 127.0.0.3}) so a target sees distinct sources; null lets the
 *                      system choose
 * @param latency       slept before its check
 * @param forcedFailure when not null, the check is not run and fails with this kind
 */
record VantagePoint(String name, String region, String rir, InetAddress source, InetAddress bindAddress,
                    Duration latency, ProblemKind forcedFailure) {

    VantagePoint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a vantage point needs a name");
        }
        if (source == null) {
            throw new IllegalArgumentException("vantage point " + name + " needs a source address");
        }
        region = region == null ? "" : region;
        rir = rir == null ? "" : rir;
        latency = latency == null ? Duration.ZERO : latency;
    }

    /** The validator's view of a configured point. */
    static VantagePoint of(VantagePointConfig c) {
        return new VantagePoint(c.name(), c.region(), c.rir(), IpAddresses.parse(c.sourceAddress()),
                c.bindAddress().isEmpty() ? null : IpAddresses.parse(c.bindAddress()), c.latency(),
                c.forcedFailure().isEmpty() ? null : ProblemKind.fromAcmeCode(c.forcedFailure()));
    }

    /** The simulated source address as text (RFC 5952 for IPv6). */
    String sourceAddress() {
        return IpAddresses.text(source);
    }
}
