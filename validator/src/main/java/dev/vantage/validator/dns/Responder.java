package dev.vantage.validator.dns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Builds authoritative answers from a {@link DnsRecords}: one query in, one response out, no I/O.
 * Every name "exists" (NOERROR with an empty answer when it has nothing of the asked type), as
 * pebble-challtestsrv behaves, so tests never depend on zone cuts, unless it was made NXDOMAIN.
 * A query that names a vantage point in the {@link #PERSPECTIVE_OPTION} EDNS option is answered
 * from that perspective's view.
 */
final class Responder {
    /**
     * The EDNS0 option (RFC 6891 §6.1.2) carrying the name of the vantage point that asks, in
     * UTF-8; 65001 lies in the range RFC 6891 §9 reserves for local and experimental use, so
     * every other server ignores it.
     */
    static final int PERSPECTIVE_OPTION = 65001;
    /** No caching anywhere: a test that changes a record must see the change on the next query. */
    private static final long TTL = 0;
    /** RFC 1035 §4.2.1: the UDP limit for a client that sends no EDNS. */
    static final int CLASSIC_UDP_LIMIT = 512;
    /** The EDNS buffer size this server advertises (the DNS flag day 2020 value). */
    private static final int EDNS_PAYLOAD = 1232;
    /** Bounds CNAME chasing inside the data; longer chains are answered as far as this. */
    private static final int MAX_CHAIN = 16;
    /** RFC 1035 §3.3: one character-string holds at most 255 octets. */
    private static final int TXT_CHUNK = 255;

    private final DnsRecords records;

    Responder(DnsRecords records) {
        this.records = records;
    }

    /** The response to a parsed query; never null, never throws for a well-formed message. */
    Message respond(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        // The server answers every name itself, so it is effectively recursive for its clients;
        // advertising RA keeps stub resolvers (dig, lego's checks) from warning.
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        Record question = query.getQuestion();
        if (question != null) {
            response.addRecord(question, Section.QUESTION);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
        } else if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            response.getHeader().setRcode(Rcode.FORMERR);
        } else if (question.getDClass() != DClass.IN) {
            response.getHeader().setRcode(Rcode.REFUSED);
        } else {
            answer(response, question.getName(), question.getType(), perspective(query));
        }
        return response;
    }

    /** The vantage point a query names in its {@link #PERSPECTIVE_OPTION}, or null. */
    static String perspective(Message query) {
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return null;
        }
        for (EDNSOption option : opt.getOptions(PERSPECTIVE_OPTION)) {
            byte[] wire = option.toWire(); // code (2 octets), length (2), then the data
            return new String(wire, 4, wire.length - 4, StandardCharsets.UTF_8);
        }
        return null;
    }

    /** A SERVFAIL response that echoes the query's question, for when building the answer failed. */
    Message failure(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.SERVFAIL);
        if (query.getQuestion() != null) {
            response.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return response;
    }

    /** The UDP payload limit of the client that sent {@code query} (RFC 6891 §6.2.5). */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? CLASSIC_UDP_LIMIT : Math.max(CLASSIC_UDP_LIMIT, opt.getPayloadSize());
    }

    /**
     * Follows CNAMEs inside the data (RFC 1034 §4.3.2 step 3a): the answer carries each alias and
     * then the target's records. A loop stops at the first repeated name; the resolver reports it.
     * An alias to a name that does not exist answers NXDOMAIN with the aliases (RFC 6604 §2.1).
     */
    private void answer(Message response, Name qname, int qtype, String perspective) {
        if (qname.labels() <= 1) {
            return; // the root holds nothing here; NOERROR with an empty answer
        }
        Name current = qname;
        Set<String> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            String key = key(current);
            DnsRecords.Snapshot view = records.snapshot(key, perspective);
            if (view.servfail()) {
                response.removeAllRecords(Section.ANSWER);
                response.getHeader().setRcode(Rcode.SERVFAIL);
                return;
            }
            if (view.nxdomain()) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                return;
            }
            seen.add(key);
            if (view.cname() != null && qtype != Type.CNAME) {
                Name target = name(view.cname());
                response.addRecord(new CNAMERecord(current, DClass.IN, TTL, target), Section.ANSWER);
                if (seen.contains(key(target))) {
                    return;
                }
                current = target;
                continue;
            }
            for (Record record : recordsAt(current, qtype, view)) {
                response.addRecord(record, Section.ANSWER);
            }
            return;
        }
    }

    private static List<Record> recordsAt(Name name, int qtype, DnsRecords.Snapshot view) {
        List<Record> out = new ArrayList<>();
        switch (qtype) {
            case Type.A -> addresses(view.a(), view.defaultIpv4(), view.cname())
                    .forEach(ip -> out.add(new ARecord(name, DClass.IN, TTL, ip)));
            case Type.AAAA -> addresses(view.aaaa(), view.defaultIpv6(), view.cname())
                    .forEach(ip -> out.add(new AAAARecord(name, DClass.IN, TTL, ip)));
            case Type.TXT -> view.txt().forEach(v -> out.add(new TXTRecord(name, DClass.IN, TTL, chunks(v))));
            case Type.CAA -> view.caa().forEach(p ->
                    out.add(new CAARecord(name, DClass.IN, TTL, p.flags(), p.tag(),
                            escape(p.value().getBytes(StandardCharsets.UTF_8)))));
            case Type.CNAME -> {
                if (view.cname() != null) {
                    out.add(new CNAMERecord(name, DClass.IN, TTL, Responder.name(view.cname())));
                }
            }
            default -> {
                // Any other type: the name exists but has no such data (NOERROR, empty answer).
            }
        }
        return out;
    }

    /** A name's own addresses, else the default, unless it is an alias (RFC 1034 §3.6.2). */
    private static List<InetAddress> addresses(List<InetAddress> own, InetAddress fallback, String cname) {
        if (!own.isEmpty()) {
            return own;
        }
        return fallback == null || cname != null ? List.of() : List.of(fallback);
    }

    /**
     * Splits a TXT value into 255-octet character-strings, each in dnsjava's presentation form:
     * dnsjava parses its String arguments as zone-file text, so every octet that is not plain
     * printable ASCII (and the quote and backslash) is written as a {@code \DDD} escape.
     */
    private static List<String> chunks(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int start = 0; start < bytes.length || out.isEmpty(); start += TXT_CHUNK) {
            int end = Math.min(bytes.length, start + TXT_CHUNK);
            byte[] chunk = new byte[end - start];
            System.arraycopy(bytes, start, chunk, 0, chunk.length);
            out.add(escape(chunk));
        }
        return out;
    }

    private static String escape(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v < 0x20 || v >= 0x7f || v == '"' || v == '\\') {
                out.writeBytes(String.format("\\%03d", v).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(v);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static String key(Name name) {
        return DnsRecords.key(name.toString());
    }

    private static Name name(String key) {
        try {
            return Name.fromString(key, Name.root);
        } catch (TextParseException e) {
            // Keys were produced by Name.fromString in DnsRecords, so they always parse again.
            throw new IllegalStateException("stored name no longer parses: " + key, e);
        }
    }
}
