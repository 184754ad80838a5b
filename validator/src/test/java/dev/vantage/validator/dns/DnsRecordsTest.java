package dev.vantage.validator.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsRecordsTest {

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("a name with a trailing dot is the same name", "_acme-challenge.x.test."),
                Arguments.of("a name in upper case is the same name", "_ACME-Challenge.X.TEST"),
                Arguments.of("a name with surrounding blanks is the same name", "  _acme-challenge.x.test  "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void namesAreCaseInsensitiveAndTheTrailingDotIsOptional(String sentence, String spelling) {
        DnsRecords records = new DnsRecords();
        records.setTxt(spelling, "value");
        assertEquals(List.of("value"), records.snapshot("_acme-challenge.x.test", null).txt());
        records.clearTxt("_acme-challenge.x.test.");
        assertEquals(List.of(), records.snapshot(spelling, null).txt());
    }

    @Test
    void setTxtAddsValuesAndKeepsEachOnce() {
        DnsRecords records = new DnsRecords();
        records.setTxt("x.test", "one");
        records.setTxt("x.test", "two");
        records.setTxt("x.test", "one");
        assertEquals(List.of("one", "two"), records.snapshot("x.test", null).txt());
    }

    @Test
    void defaultsAreTheIpv4LoopbackAndNoIpv6() {
        DnsRecords.Snapshot view = new DnsRecords().snapshot("anything.test", null);
        assertEquals("127.0.0.1", view.defaultIpv4().getHostAddress());
        assertNull(view.defaultIpv6());
    }

    @Test
    void clearForgetsRecordsAndRestoresTheConstructorDefaults() throws Exception {
        DnsRecords records = new DnsRecords("127.0.0.2", "::1");
        records.addA("x.test", List.of("127.0.0.9"));
        records.setCname("y.test", "x.test");
        records.setServfail("z.test");
        records.setDefaultIpv4("");
        records.setDefaultIpv6("");
        records.clear();
        assertEquals(List.of(), records.snapshot("x.test", null).a());
        assertNull(records.snapshot("y.test", null).cname());
        assertFalse(records.snapshot("z.test", null).servfail());
        assertEquals(InetAddress.getByName("127.0.0.2"), records.snapshot("x.test", null).defaultIpv4());
        assertEquals(InetAddress.getByName("::1"), records.snapshot("x.test", null).defaultIpv6());
    }

    @Test
    void addressesAccumulateAndClearRemovesThemAll() {
        DnsRecords records = new DnsRecords();
        records.addA("x.test", List.of("127.0.0.3"));
        records.addA("x.test", List.of("127.0.0.4", "127.0.0.3"));
        records.addAaaa("x.test", List.of("::1"));
        assertEquals(2, records.snapshot("x.test", null).a().size());
        assertEquals(1, records.snapshot("x.test", null).aaaa().size());
        records.clearA("x.test");
        records.clearAaaa("x.test");
        assertTrue(records.snapshot("x.test", null).a().isEmpty());
        assertTrue(records.snapshot("x.test", null).aaaa().isEmpty());
    }

    @Test
    void cnameTargetsAreNormalisedLikeNames() {
        DnsRecords records = new DnsRecords();
        records.setCname("_acme-challenge.x.test.", "Delegated.Example.TEST.");
        assertEquals("delegated.example.test", records.snapshot("_acme-challenge.x.test", null).cname());
    }

    static Stream<Arguments> invalidInput() {
        DnsRecords records = new DnsRecords();
        return Stream.of(
                Arguments.of("an A record needs an IPv4 literal, not a name",
                        (Runnable) () -> records.addA("x.test", List.of("localhost")), "\"localhost\" is not an IPv4 address"),
                Arguments.of("an A record does not take an IPv6 address",
                        (Runnable) () -> records.addA("x.test", List.of("::1")), "\"::1\" is not an IPv4 address"),
                Arguments.of("an AAAA record does not take an IPv4 address",
                        (Runnable) () -> records.addAaaa("x.test", List.of("127.0.0.1")), "\"127.0.0.1\" is not an IPv6 address"),
                Arguments.of("the default IPv4 must be an address",
                        (Runnable) () -> records.setDefaultIpv4("example.test"), "\"example.test\" is not an IPv4 address"),
                Arguments.of("an empty host is rejected",
                        (Runnable) () -> records.setTxt("", "v"), "host name must not be empty"),
                Arguments.of("a host with an empty label is rejected",
                        (Runnable) () -> records.setTxt("a..test", "v"), "\"a..test\" is not a valid host name"),
                Arguments.of("a CAA tag must be letters and digits",
                        (Runnable) () -> new DnsRecords.CaaPolicy("is-sue", "ca.test"), "CAA tag \"is-sue\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInput")
    void invalidInputIsRejectedWithTheValueNamed(String sentence, Runnable change, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change::run);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
