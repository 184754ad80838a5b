package dev.vantage.server.ca;

import dev.vantage.config.IpAddresses;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Strict IP address literals, read by {@link IpAddresses#parse} as everywhere else: never sent to
 * DNS, no legacy IPv4 forms such as {@code 10.1}, no leading zeros, no zones. Here "not an
 * address" is an answer rather than an error, because a CSR's common name may be either.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address this text spells as an IPv4 dotted quad or an IPv6 literal, if it is one. */
    static Optional<InetAddress> parse(String text) {
        // IpAddresses forgives surrounding spaces; a name in a CSR that has them is no literal.
        if (text == null || !text.equals(text.trim())) {
            return Optional.empty();
        }
        try {
            return Optional.of(IpAddresses.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The address, or an {@link IllegalArgumentException} naming what was expected. */
    static InetAddress require(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
    }
}
