package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CidrTest {

    static Stream<Arguments> membership() {
        return Stream.of(
                Arguments.of("an IPv4 address inside a /24", "203.0.113.0/24", "203.0.113.77", true),
                Arguments.of("the last address of a /24", "203.0.113.0/24", "203.0.113.255", true),
                Arguments.of("the address just past a /24", "203.0.113.0/24", "203.0.114.0", false),
                Arguments.of("any IPv4 address in 0.0.0.0/0", "0.0.0.0/0", "198.51.100.20", true),
                Arguments.of("the highest IPv4 address in 0.0.0.0/0", "0.0.0.0/0", "255.255.255.255", true),
                Arguments.of("an IPv6 address is never in an IPv4 block, not even /0", "0.0.0.0/0", "2001:db8::1", false),
                Arguments.of("the one address of a /32", "192.0.2.10/32", "192.0.2.10", true),
                Arguments.of("its neighbour is outside a /32", "192.0.2.10/32", "192.0.2.11", false),
                Arguments.of("a bare IPv4 address is a /32", "192.0.2.10", "192.0.2.10", true),
                Arguments.of("a /31 holds two addresses", "192.0.2.10/31", "192.0.2.11", true),
                Arguments.of("a prefix that splits a byte", "10.0.0.0/9", "10.127.255.255", true),
                Arguments.of("the address past a prefix that splits a byte", "10.0.0.0/9", "10.128.0.0", false),
                Arguments.of("an IPv6 address inside the documentation /32", "2001:db8::/32", "2001:db8:ffff::1", true),
                Arguments.of("an IPv6 address just outside it", "2001:db8::/32", "2001:db9::", false),
                Arguments.of("any IPv6 address in ::/0", "::/0", "2001:db8::50", true),
                Arguments.of("an IPv4 address is never in an IPv6 block, not even ::/0", "::/0", "192.0.2.10", false),
                Arguments.of("the one address of a /128", "2001:db8::50/128", "2001:db8::50", true),
                Arguments.of("its neighbour is outside a /128", "2001:db8::50/128", "2001:db8::51", false),
                Arguments.of("a bare IPv6 address is a /128", "2001:db8::50", "2001:0db8:0:0:0:0:0:0050", true),
                Arguments.of("a /127 holds two addresses", "2001:db8::50/127", "2001:db8::51", true),
                Arguments.of("loopback in 127.0.0.0/8", "127.0.0.0/8", "127.0.0.3", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("membership")
    void blocksContainExactlyTheirAddresses(String name, String block, String address, boolean inside) {
        assertEquals(inside, Cidr.parse(block).contains(IpAddresses.parse(address)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a prefix longer than 32 for IPv4", "192.0.2.0/33", "32 bits"),
                Arguments.of("a prefix longer than 128 for IPv6", "2001:db8::/129", "128 bits"),
                Arguments.of("a negative prefix", "192.0.2.0/-1", "must be a number"),
                Arguments.of("an empty prefix", "192.0.2.0/", "must be a number"),
                Arguments.of("a prefix that is not a number", "192.0.2.0/24x", "must be a number"),
                Arguments.of("a missing address", "/24", "not an IPv4 or IPv6 address"),
                Arguments.of("three IPv4 parts", "192.0.2/24", "not an IPv4 or IPv6 address"),
                Arguments.of("an IPv4 part above 255", "999.0.2.0/24", "not an IPv4 or IPv6 address"),
                Arguments.of("an IPv4 part with a leading zero", "192.0.02.0/24", "not an IPv4 or IPv6 address"),
                Arguments.of("a host name", "site.test/24", "not an IPv4 or IPv6 address"),
                Arguments.of("an IPv6 zone", "fe80::1%eth0/64", "not an IPv4 or IPv6 address"),
                Arguments.of("a bracketed IPv6 address", "[2001:db8::]/32", "not an IPv4 or IPv6 address"),
                Arguments.of("an IPv4-mapped IPv6 address", "::ffff:192.0.2.1/128", "write it as 192.0.2.1"),
                Arguments.of("host bits set", "203.0.113.5/24", "the block is 203.0.113.0/24"),
                Arguments.of("IPv6 host bits set", "2001:db8::1/32", "the block is 2001:db8::/32"),
                Arguments.of("nothing at all", " ", "required"));
    }

    @ParameterizedTest(name = "{0} is refused, saying why")
    @MethodSource("refused")
    void badBlocksAreRefusedWithAReason(String name, String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static Stream<Arguments> written() {
        return Stream.of(
                Arguments.of("IPv4 as given", "198.51.100.0/24", "198.51.100.0/24"),
                Arguments.of("a bare IPv4 address with its /32", "192.0.2.10", "192.0.2.10/32"),
                Arguments.of("IPv6 in RFC 5952 form", "2001:0DB8:0000::/32", "2001:db8::/32"),
                Arguments.of("the IPv6 /0", "0:0:0:0:0:0:0:0/0", "::/0"),
                Arguments.of("the IPv4 /0", "0.0.0.0/0", "0.0.0.0/0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void blocksAreWrittenInCanonicalForm(String name, String text, String canonical) {
        assertEquals(canonical, Cidr.parse(text).toString());
    }
}
