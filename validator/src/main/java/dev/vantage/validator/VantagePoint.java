package dev.vantage.validator;

import java.net.InetAddress;

/**
 * A place a challenge is checked from (CA/Browser Forum BR §3.2.2.9 "network perspective").
 *
 * @param name          how reports and logs name it, for example {@code primary}
 * @param sourceAddress the public address it pretends to come from: a documentation address
 *                      such as {@code 192.0.2.10}, which simulated firewall rules match against
 *                      and reports show; never bound
 * @param bindAddress   a real local address outgoing sockets bind to (for example
 *                      {@code 127.0.0.3}) so a target sees distinct sources; null lets the
 *                      system choose
 */
public record VantagePoint(String name, String sourceAddress, InetAddress bindAddress) {

    public VantagePoint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a vantage point needs a name");
        }
        if (sourceAddress == null || sourceAddress.isBlank()) {
            throw new IllegalArgumentException("vantage point " + name + " needs a source address");
        }
    }

    /** The default primary perspective: {@code primary}, from 192.0.2.10, no bound address. */
    public static VantagePoint defaultPrimary() {
        return new VantagePoint("primary", "192.0.2.10", null);
    }
}
