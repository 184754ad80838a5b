package dev.vantage.validator.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-perspective views, NXDOMAIN and CAA through the real path: DnsRecords, the MockDnsServer on
 * loopback, and a DnsResolver that names its vantage point in an EDNS option.
 */
class DnsViewsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String NAME = "_acme-challenge.x.test";

    private final DnsRecords records = new DnsRecords();
    private MockDnsServer server;

    @BeforeEach
    void start() throws Exception {
        server = MockDnsServer.start(records, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What a perspective (null: a resolver that names none) sees: the values, or the failure. */
    private String seen(String perspective, String name, DnsType type) {
        DnsAnswer answer = new DnsResolver(server.address(), TIMEOUT, null, DnsResolver.QueryGate.OPEN, perspective)
                .lookup(name, type);
        return answer.ok() ? answer.values().toString() : answer.failure().name();
    }

    /** Prepares the records for one case. */
    interface Setup {
        void apply(DnsRecords records);
    }

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("a perspective without a view sees the shared records",
                        (Setup) r -> r.setTxt(NAME, "right"), "us-east", DnsType.TXT, "[right]"),
                Arguments.of("a view's TXT replaces the shared TXT for its perspective",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").setTxt(NAME, "stale");
                        }, "us-east", DnsType.TXT, "[stale]"),
                Arguments.of("another perspective still sees the shared TXT",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").setTxt(NAME, "stale");
                        }, "eu-central", DnsType.TXT, "[right]"),
                Arguments.of("a query that names no perspective sees the shared TXT",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").setTxt(NAME, "stale");
                        }, null, DnsType.TXT, "[right]"),
                Arguments.of("clearing in a view hides the shared records (a stale secondary)",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").clearTxt(NAME);
                        }, "us-east", DnsType.TXT, "[]"),
                Arguments.of("a view inherits the record types it says nothing about",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").addA(NAME, List.of("127.0.0.9"));
                        }, "us-east", DnsType.TXT, "[right]"),
                Arguments.of("geo-DNS: a view answers its own addresses",
                        (Setup) r -> r.view("ap-southeast").addA("x.test", List.of("127.0.0.9")),
                        "ap-southeast", DnsType.A, "[127.0.0.9]"),
                Arguments.of("a view's default address applies to names without their own",
                        (Setup) r -> r.view("ap-southeast").setDefaultIpv4("127.0.0.7"),
                        "ap-southeast", DnsType.A, "[127.0.0.7]"),
                Arguments.of("a view's CNAME delegates only its perspective",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").setCname(NAME, "elsewhere.test");
                            r.setTxt("elsewhere.test", "delegated");
                        }, "us-east", DnsType.TXT, "[delegated]"),
                Arguments.of("SERVFAIL in one view",
                        (Setup) r -> r.view("us-east").setServfail(NAME), "us-east", DnsType.TXT, "SERVFAIL"),
                Arguments.of("a view can lift the shared SERVFAIL",
                        (Setup) r -> {
                            r.setServfail(NAME);
                            r.view("us-east").clearServfail(NAME);
                        }, "us-east", DnsType.TXT, "[]"),
                Arguments.of("NXDOMAIN in one view",
                        (Setup) r -> r.view("us-east").setNxdomain(NAME), "us-east", DnsType.TXT, "NXDOMAIN"),
                Arguments.of("dropping a view gives its perspective the shared records again",
                        (Setup) r -> {
                            r.setTxt(NAME, "right");
                            r.view("us-east").setTxt(NAME, "stale");
                            r.view("us-east").clear();
                        }, "us-east", DnsType.TXT, "[right]"),
                Arguments.of("clearing the shared records drops every view",
                        (Setup) r -> {
                            r.view("us-east").setTxt(NAME, "stale");
                            r.clear();
                        }, "us-east", DnsType.TXT, "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void eachPerspectiveIsAnsweredFromItsView(String sentence, Setup setup, String perspective, DnsType type,
                                              String expected) {
        setup.apply(records);
        assertEquals(expected, seen(perspective, type == DnsType.A ? "x.test" : NAME, type));
    }

    @Test
    void anNxdomainNameFailsEveryTypeWithLetsEncryptsDetail() {
        records.setNxdomain("gone.test");
        DnsAnswer answer = new DnsResolver(server.address(), TIMEOUT).lookup("gone.test", DnsType.A);
        assertEquals("DNS problem: NXDOMAIN looking up A for gone.test - check that a DNS record exists for this domain",
                answer.detail());
        assertEquals("NXDOMAIN", seen(null, "gone.test", DnsType.TXT));
        records.clearNxdomain("gone.test.");
        assertEquals("[127.0.0.1]", seen(null, "gone.test", DnsType.A));
    }

    @Test
    void anAliasToAMissingNameIsNxdomain() {
        records.setCname("www.x.test", "gone.test");
        records.setNxdomain("gone.test");
        assertEquals("NXDOMAIN", seen(null, "www.x.test", DnsType.A));
    }

    @Test
    void caaPropertiesComeBackExactlyWithTheirFlags() {
        String value = "odd \"value\" with \\ and ü; key=v";
        records.addCaa("x.test", List.of(new DnsRecords.CaaPolicy(128, "tbs", value),
                new DnsRecords.CaaPolicy("issue", "vantage.test")));
        List<CaaProperty> caa = new DnsResolver(server.address(), TIMEOUT).lookup("x.test", DnsType.CAA).caa();
        assertEquals(List.of(new CaaProperty(128, "tbs", value), new CaaProperty(0, "issue", "vantage.test")), caa);
        assertTrue(caa.get(0).critical());
        assertEquals("0 issue \"vantage.test\"", caa.get(1).toString());
    }

    @Test
    void theHistoryNamesThePerspectiveThatAsked() {
        seen("eu-north", NAME, DnsType.TXT);
        seen(null, NAME, DnsType.TXT);
        assertEquals(List.of("eu-north", ""), server.history().stream().map(MockDnsServer.Query::perspective).toList());
    }

    @Test
    void aListingShowsTheSharedRecordsAndOnlyWhatAViewChanges() {
        records.setTxt(NAME, "right");
        records.setServfail("broken.test");
        records.view("us-east").clearTxt(NAME);
        records.view("us-east").setDefaultIpv4("127.0.0.7");
        DnsRecords.Listing shared = records.listing();
        assertEquals("127.0.0.1", shared.defaultIpv4());
        assertEquals("", shared.defaultIpv6());
        assertEquals(Set.of(NAME, "broken.test"), shared.names().keySet());
        assertEquals(List.of("right"), shared.names().get(NAME).txt());
        assertEquals(Boolean.TRUE, shared.names().get("broken.test").servfail());
        DnsRecords.Listing view = records.view("us-east").listing();
        assertEquals("127.0.0.7", view.defaultIpv4());
        assertEquals(null, view.defaultIpv6());
        assertEquals(Map.of(NAME, new DnsRecords.NameRecords(null, null, null, List.of(), null, null, null)),
                view.names());
        assertEquals(Set.of("us-east"), records.views());
        assertEquals(new DnsRecords.Listing(null, null, Map.of()), records.view("eu-north").listing());
    }

    @Test
    void aViewNeedsAVantagePointNameAndCaaFlagsAreAnOctet() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> records.view("us east"));
        assertTrue(name.getMessage().startsWith("\"us east\" is not a vantage point name"), name.getMessage());
        IllegalArgumentException flags = assertThrows(IllegalArgumentException.class,
                () -> new DnsRecords.CaaPolicy(256, "issue", "ca.test"));
        assertTrue(flags.getMessage().startsWith("CAA flags 256"), flags.getMessage());
    }
}
