package dev.vantage.server.ca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict IP address literals. {@link InetAddress#getByName} alone would send anything that is not
 * a literal to DNS and would accept legacy IPv4 forms such as {@code 10.1}; neither is acceptable
 * when a CSR or an order is checked.
 */
final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    /** The address this text spells as an IPv4 dotted quad or an IPv6 literal, if it is one. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            return ipv4(v4);
        }
        if (IPV6.matcher(text).matches()) {
            try {
                // The brackets make the JDK treat the text as an IPv6 literal and never resolve it.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The address, or an {@link IllegalArgumentException} naming what was expected. */
    static InetAddress require(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
    }

    private static Optional<InetAddress> ipv4(Matcher m) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = m.group(i + 1);
            int value = Integer.parseInt(part);
            // A leading zero could mean octal to some parsers; refuse the ambiguity.
            if (value > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
