package dev.vantage.validator.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class MockDnsServerTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    private final DnsRecords records = new DnsRecords();
    private MockDnsServer server;

    @BeforeEach
    void start() throws Exception {
        server = MockDnsServer.start(records, new InetSocketAddress("127.0.0.1", 0), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anyNameAnswersTheDefaultIpv4OverUdp() throws Exception {
        Message response = query("anything.test", Type.A, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertEquals(List.of("anything.test. 0 A 127.0.0.1"), answers(response));
    }

    @Test
    void tcpGivesTheSameAnswersAsUdp() throws Exception {
        records.setTxt("_acme-challenge.x.test.", "first");
        records.setTxt("_acme-challenge.x.test.", "second");
        assertEquals(txt(query("_acme-challenge.x.test", Type.TXT, false)),
                txt(query("_acme-challenge.x.test", Type.TXT, true)));
        assertEquals(List.of("first", "second"), txt(query("_acme-challenge.x.test", Type.TXT, true)));
    }

    @Test
    void ownAddressesReplaceTheDefaultAndAaaaHasNoDefault() throws Exception {
        records.addA("x.test", List.of("127.0.0.7"));
        records.addAaaa("six.test", List.of("::1"));
        assertEquals(List.of("x.test. 0 A 127.0.0.7"), answers(query("x.test", Type.A, false)));
        assertEquals(List.of(), answers(query("x.test", Type.AAAA, false)));
        assertEquals(1, answers(query("six.test", Type.AAAA, false)).size());
        records.setDefaultIpv6("::1");
        assertEquals(1, answers(query("x.test", Type.AAAA, false)).size());
    }

    @Test
    void aNameWithoutRecordsOfTheTypeAnswersNoErrorAndNothing() throws Exception {
        Message response = query("_acme-challenge.nothing.test", Type.TXT, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(List.of(), answers(response));
    }

    @Test
    void aCnameIsAnsweredWithTheTargetsRecords() throws Exception {
        records.setCname("_acme-challenge.x.test", "x.validation.test.");
        records.setTxt("x.validation.test", "delegated");
        Message response = query("_acme-challenge.x.test", Type.TXT, false);
        List<Record> answer = response.getSection(Section.ANSWER);
        assertEquals(2, answer.size());
        assertEquals(Type.CNAME, answer.get(0).getType());
        assertEquals(List.of("delegated"), txt(response));
    }

    @Test
    void anAliasDoesNotAnswerTheDefaultAddressItself() throws Exception {
        records.setCname("www.x.test", "x.test");
        records.addA("x.test", List.of("127.0.0.8"));
        assertEquals(List.of("www.x.test. 0 CNAME x.test.", "x.test. 0 A 127.0.0.8"),
                answers(query("www.x.test", Type.A, false)));
    }

    @Test
    void aCnameLoopStopsAtTheFirstRepeatedName() throws Exception {
        records.setCname("a.test", "b.test");
        records.setCname("b.test", "a.test");
        Message response = query("a.test", Type.A, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(List.of("a.test. 0 CNAME b.test.", "b.test. 0 CNAME a.test."), answers(response));
    }

    @Test
    void aServfailNameAnswersServfailForEveryType() throws Exception {
        records.setServfail("broken.test");
        assertEquals(Rcode.SERVFAIL, query("broken.test", Type.A, false).getRcode());
        assertEquals(Rcode.SERVFAIL, query("BROKEN.test", Type.TXT, true).getRcode());
        records.clearServfail("broken.test.");
        assertEquals(Rcode.NOERROR, query("broken.test", Type.A, false).getRcode());
    }

    @Test
    void caaPropertiesAreAnswered() throws Exception {
        records.addCaa("x.test", List.of(new DnsRecords.CaaPolicy("issue", "vantage.test; validationmethods=dns-01")));
        List<Record> answer = query("x.test", Type.CAA, false).getSection(Section.ANSWER);
        CAARecord caa = (CAARecord) answer.get(0);
        assertEquals("issue", caa.getTag());
        assertEquals("vantage.test; validationmethods=dns-01", caa.getValue());
    }

    @Test
    void aLongTxtValueIsSplitIntoCharacterStringsOf255Octets() throws Exception {
        String value = "v".repeat(600);
        records.setTxt("long.test", value);
        TXTRecord txt = (TXTRecord) query("long.test", Type.TXT, true).getSection(Section.ANSWER).get(0);
        assertEquals(3, txt.getStrings().size());
        assertEquals(value, String.join("", txt.getStrings()));
    }

    @Test
    void anAnswerTooLargeForUdpIsTruncatedAndTheClientRetriesOverTcp() throws Exception {
        for (int i = 0; i < 40; i++) {
            records.setTxt("big.test", "value-number-" + i + "-padding-padding-padding");
        }
        SimpleResolver udpOnly = resolver();
        udpOnly.setEDNS(-1, 0, 0, List.of()); // no EDNS: the classic 512-octet limit applies
        udpOnly.setIgnoreTruncation(true);
        Message truncated = udpOnly.send(newQuery("big.test", Type.TXT));
        assertTrue(truncated.getHeader().getFlag(Flags.TC));

        server.clearHistory();
        SimpleResolver retrying = resolver();
        retrying.setEDNS(-1, 0, 0, List.of());
        assertEquals(40, retrying.send(newQuery("big.test", Type.TXT)).getSection(Section.ANSWER).size());
        assertEquals(List.of("udp", "tcp"),
                server.history().stream().map(MockDnsServer.Query::transport).collect(Collectors.toList()));
    }

    @Test
    void ednsLetsALargerAnswerThroughUdp() throws Exception {
        for (int i = 0; i < 12; i++) {
            records.setTxt("medium.test", "value-number-" + i + "-padding-padding-padding");
        }
        SimpleResolver resolver = resolver();
        resolver.setEDNS(0, 1232, 0, List.of());
        resolver.setIgnoreTruncation(true);
        Message response = resolver.send(newQuery("medium.test", Type.TXT));
        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(12, response.getSection(Section.ANSWER).size());
    }

    @Test
    void malformedPacketsAreDroppedAndTheListenersKeepServing() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] garbage = {1, 2, 3, 4, 5};
            socket.send(new DatagramPacket(garbage, garbage.length, server.address()));
        }
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 4, 9, 9, 9, 9}); // a length prefix and four octets that are no message
            out.flush();
        }
        assertEquals(Rcode.NOERROR, query("still.test", Type.A, false).getRcode());
        assertEquals(Rcode.NOERROR, query("still.test", Type.A, true).getRcode());
    }

    @Test
    void theHistoryRecordsEachQueryAndCanBeCleared() throws Exception {
        query("_acme-challenge.X.test", Type.TXT, false);
        query("x.test", Type.AAAA, true);
        assertEquals(List.of(
                new MockDnsServer.Query(NOW, "127.0.0.1", "_acme-challenge.X.test", "TXT", "udp", ""),
                new MockDnsServer.Query(NOW, "127.0.0.1", "x.test", "AAAA", "tcp", "")), server.history());
        server.clearHistory();
        assertEquals(List.of(), server.history());
    }

    @Test
    void closingFreesTheUdpAndTcpPort() throws Exception {
        int port = server.port();
        server.close();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
             ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress("127.0.0.1", port));
            assertEquals(port, udp.getLocalPort());
        }
    }

    private SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(server.address());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }

    private Message query(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = resolver();
        resolver.setTCP(tcp);
        return resolver.send(newQuery(name, type));
    }

    private static Message newQuery(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }

    private static List<String> answers(Message response) {
        return response.getSection(Section.ANSWER).stream()
                .map(r -> r.getName() + " " + r.getTTL() + " " + Type.string(r.getType()) + " " + r.rdataToString())
                .collect(Collectors.toList());
    }

    private static List<String> txt(Message response) {
        return response.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof TXTRecord)
                .map(r -> String.join("", ((TXTRecord) r).getStrings()))
                .collect(Collectors.toList());
    }
}
