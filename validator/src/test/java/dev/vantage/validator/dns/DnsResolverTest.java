package dev.vantage.validator.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Rcode;

class DnsResolverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DnsRecords records = new DnsRecords();
    private MockDnsServer server;
    private DnsResolver resolver;

    @BeforeEach
    void start() throws Exception {
        server = MockDnsServer.start(records, new InetSocketAddress("127.0.0.1", 0));
        resolver = new DnsResolver(server.address(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void findsAddressesOfEitherFamily() throws Exception {
        records.addAaaa("x.test", List.of("::1"));
        DnsAnswer a = resolver.lookup("X.test.", DnsType.A);
        DnsAnswer aaaa = resolver.lookup("x.test", DnsType.AAAA);
        assertTrue(a.ok());
        assertEquals("x.test", a.name());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), a.addresses());
        assertEquals(List.of(InetAddress.getByName("::1")), aaaa.addresses());
        assertNull(aaaa.detail());
    }

    @Test
    void findsEveryTxtValue() {
        records.setTxt("_acme-challenge.x.test", "one");
        records.setTxt("_acme-challenge.x.test", "two");
        assertEquals(List.of("one", "two"), resolver.lookup("_acme-challenge.x.test", DnsType.TXT).values());
    }

    @Test
    void anEmptyAnswerIsNotAFailure() {
        DnsAnswer answer = resolver.lookup("_acme-challenge.x.test", DnsType.TXT);
        assertTrue(answer.ok());
        assertEquals(List.of(), answer.values());
    }

    @Test
    void followsACnameChainThroughSeveralNames() {
        records.setCname("_acme-challenge.x.test", "one.test");
        records.setCname("one.test", "two.test");
        records.setTxt("two.test", "at the end");
        assertEquals(List.of("at the end"), resolver.lookup("_acme-challenge.x.test", DnsType.TXT).values());
    }

    @Test
    void reportsACnameLoop() {
        records.setCname("a.test", "b.test");
        records.setCname("b.test", "a.test");
        DnsAnswer answer = resolver.lookup("a.test", DnsType.A);
        assertEquals(DnsAnswer.Failure.CNAME_LOOP, answer.failure());
        assertEquals("DNS problem: CNAME loop detected looking up A for a.test", answer.detail());
    }

    @Test
    void reportsAChainLongerThanItFollows() {
        for (int i = 0; i <= DnsResolver.MAX_CNAME_HOPS; i++) {
            records.setCname("n" + i + ".test", "n" + (i + 1) + ".test");
        }
        DnsAnswer answer = resolver.lookup("n0.test", DnsType.A);
        assertEquals(DnsAnswer.Failure.CNAME_CHAIN_TOO_LONG, answer.failure());
        assertEquals("DNS problem: too many CNAMEs looking up A for n0.test", answer.detail());
    }

    @Test
    void aServfailFromTheMockIsReportedLikeLetsEncrypt() {
        records.setServfail("x.test");
        DnsAnswer answer = resolver.lookup("x.test", DnsType.A);
        assertEquals(DnsAnswer.Failure.SERVFAIL, answer.failure());
        assertEquals("DNS problem: SERVFAIL looking up A for x.test - the domain's nameservers may be malfunctioning",
                answer.detail());
    }

    @Test
    void aServfailBehindACnameIsReported() {
        records.setCname("_acme-challenge.x.test", "broken.test");
        records.setServfail("broken.test");
        assertEquals(DnsAnswer.Failure.SERVFAIL, resolver.lookup("_acme-challenge.x.test", DnsType.TXT).failure());
    }

    static Stream<Arguments> rcodes() {
        return Stream.of(
                Arguments.of("NXDOMAIN asks the subscriber to check the record exists", Rcode.NXDOMAIN,
                        DnsAnswer.Failure.NXDOMAIN,
                        "DNS problem: NXDOMAIN looking up TXT for _acme-challenge.x.test - check that a DNS record exists for this domain"),
                Arguments.of("SERVFAIL blames the nameservers", Rcode.SERVFAIL, DnsAnswer.Failure.SERVFAIL,
                        "DNS problem: SERVFAIL looking up TXT for _acme-challenge.x.test - the domain's nameservers may be malfunctioning"),
                Arguments.of("REFUSED blames the nameservers", Rcode.REFUSED, DnsAnswer.Failure.REFUSED,
                        "DNS problem: REFUSED looking up TXT for _acme-challenge.x.test - the domain's nameservers may be malfunctioning"),
                Arguments.of("another RCODE is named without a hint", Rcode.NOTIMP, DnsAnswer.Failure.SERVER_FAILURE,
                        "DNS problem: NOTIMP looking up TXT for _acme-challenge.x.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rcodes")
    void anExternalResolversRcodeBecomesATypedFailure(String sentence, int rcode, DnsAnswer.Failure failure,
                                                      String detail) throws Exception {
        try (RcodeStub stub = new RcodeStub(rcode)) {
            DnsAnswer answer = new DnsResolver(stub.address(), TIMEOUT).lookup("_acme-challenge.x.test.", DnsType.TXT);
            assertEquals(failure, answer.failure());
            assertEquals(detail, answer.detail());
            assertEquals(List.of(), answer.values());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RcodeStub silent = new RcodeStub(-1)) {
            DnsAnswer answer = new DnsResolver(silent.address(), Duration.ofMillis(300)).lookup("x.test", DnsType.A);
            assertEquals(DnsAnswer.Failure.TIMEOUT, answer.failure());
            assertEquals("DNS problem: query timed out looking up A for x.test", answer.detail());
        }
    }

    @Test
    void anInvalidNameIsReportedNotThrown() {
        DnsAnswer answer = resolver.lookup("a..test", DnsType.A);
        assertEquals(DnsAnswer.Failure.INVALID_NAME, answer.failure());
        assertEquals("DNS problem: invalid name looking up A for a..test", answer.detail());
    }

    @Test
    void queriesCanBeSentFromAChosenLocalAddress() throws Exception {
        DnsResolver bound = new DnsResolver(server.address(), TIMEOUT, InetAddress.getByName("127.0.0.1"));
        assertTrue(bound.lookup("x.test", DnsType.A).ok());
        assertEquals("127.0.0.1", server.history().get(0).source());
    }

    @Test
    void noAnswerIsCachedBetweenLookups() {
        records.setTxt("_acme-challenge.x.test", "before");
        assertEquals(List.of("before"), resolver.lookup("_acme-challenge.x.test", DnsType.TXT).values());
        records.clearTxt("_acme-challenge.x.test");
        records.setTxt("_acme-challenge.x.test", "after");
        assertEquals(List.of("after"), resolver.lookup("_acme-challenge.x.test", DnsType.TXT).values());
    }
}
