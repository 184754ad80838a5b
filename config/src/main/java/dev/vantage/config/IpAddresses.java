package dev.vantage.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals: read strictly without DNS, written the way people and Let's Encrypt write them. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * Reads an IPv4 or IPv6 address literal: IPv4 as four decimal parts of 0 to 255 without
     * leading zeros, IPv6 in any RFC 4291 §2.2 form without a zone. IPv4-mapped IPv6 forms
     * ({@code ::ffff:192.0.2.1}) are refused so that every address has exactly one family.
     *
     * <p>The JDK's {@link InetAddress} does the parsing, asked in a way that never reaches DNS: an
     * IPv6 literal in brackets, an IPv4 literal as the tail of an IPv4-mapped IPv6 literal. That
     * also makes it strict; plain {@code getByName} reads {@code 1.2.3} as 1.2.0.3 and looks
     * {@code 999.1.1.1} up as a host name.
     *
     * @throws IllegalArgumentException when the text is not such a literal
     */
    public static InetAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.indexOf('[') >= 0 || t.indexOf(']') >= 0 || t.indexOf('%') >= 0 || t.indexOf('/') >= 0) {
            throw notAnAddress(text);
        }
        boolean ipv6 = t.indexOf(':') >= 0;
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(ipv6 ? "[" + t + "]" : "[::ffff:" + t + "]");
        } catch (UnknownHostException e) {
            throw notAnAddress(text);
        }
        if (ipv6 && parsed instanceof Inet4Address) {
            throw new IllegalArgumentException("\"" + t + "\" is an IPv4-mapped IPv6 address; write it as "
                    + parsed.getHostAddress());
        }
        if (!ipv6 && !parsed.getHostAddress().equals(t)) {
            throw notAnAddress(text); // leading zeros: 010.0.0.1 is 8.0.0.1 to some tools, 10.0.0.1 to others
        }
        return parsed;
    }

    /**
     * The address as text: dotted quad, or IPv6 per RFC 5952 §4 (lower case, no leading zeros, the
     * longest run of two or more zero groups as "::", the first of equal runs).
     * {@code InetAddress.getHostAddress()} never shortens IPv6 addresses.
     */
    public static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address literal");
    }
}
