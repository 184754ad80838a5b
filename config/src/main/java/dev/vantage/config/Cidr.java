package dev.vantage.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block such as {@code 203.0.113.0/24} or {@code 2001:db8::/32} (RFC 4632 §3.1,
 * RFC 4291 §2.3); a bare address is a block of one ({@code /32} or {@code /128}). A block only
 * ever contains addresses of its own family: {@code 0.0.0.0/0} is every IPv4 address and
 * {@code ::/0} every IPv6 address. Addresses are read by {@link IpAddresses#parse}, strictly and without DNS.
 *
 * @param network the first address of the block (host bits zero)
 * @param prefix  the number of leading bits that are fixed: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(InetAddress network, int prefix) {

    public Cidr {
        if (network == null) {
            throw new IllegalArgumentException("a CIDR block needs a network address");
        }
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length " + prefix + " is outside 0.." + bits);
        }
        if (!masked(network.getAddress(), prefix).equals(network)) {
            throw new IllegalArgumentException("host bits are set; the block is " + format(masked(network.getAddress(), prefix), prefix));
        }
    }

    /**
     * Reads {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a bare address.
     *
     * @throws IllegalArgumentException saying what is wrong, for a ConfigException's reason
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an address block is required, for example 203.0.113.0/24");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? t : t.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : prefixLength(t.substring(slash + 1), bits);
        return new Cidr(address, prefix);
    }

    /** True when {@code address} is of this block's family and its first {@code prefix} bits match. */
    public boolean contains(InetAddress address) {
        if (address == null || address.getAddress().length != network.getAddress().length) {
            return false;
        }
        return masked(address.getAddress(), prefix).equals(network);
    }

    /** {@code 203.0.113.0/24}, {@code 2001:db8::/32}: IPv6 in RFC 5952 form. */
    @Override
    public String toString() {
        return format(network, prefix);
    }

    private static int prefixLength(String text, int bits) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the prefix length after \"/\" must be a number 0.." + bits + ", not \"" + text + "\"");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > bits) {
            throw new IllegalArgumentException("the prefix length " + prefix + " is longer than the " + bits + " bits of the address");
        }
        return prefix;
    }

    private static InetAddress masked(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8)); // bits of this byte inside the prefix
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static String format(InetAddress network, int prefix) {
        return IpAddresses.text(network) + "/" + prefix;
    }
}
