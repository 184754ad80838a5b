package dev.vantage.validator.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * Looks names up at one DNS server (the embedded {@link MockDnsServer} or an external resolver)
 * for the challenge checks. It keeps no cache at all: every lookup asks the server, so two
 * validations, or two perspectives, never share an answer (CA/Browser Forum BR §3.2.2.9 requires
 * perspectives not to share caches). CNAME chains are followed up to {@value #MAX_CNAME_HOPS}
 * aliases; loops are reported. A truncated UDP answer is retried over TCP.
 *
 * <p>A resolver made for a vantage point names it in an EDNS0 option of every query, so that the
 * {@link MockDnsServer} answers from that perspective's view; other servers ignore the option
 * (RFC 6891 §6.1.2).
 *
 * <p>Thread-safe. Failures are never thrown: they come back as a {@link DnsAnswer} with a
 * {@link DnsAnswer.Failure} and a Let's Encrypt-shaped detail.
 */
public final class DnsResolver {
    /** Aliases followed before giving up; generous next to real chains, small enough to stop loops early. */
    static final int MAX_CNAME_HOPS = 8;
    /** The UDP payload size advertised with the perspective option (the DNS flag day 2020 value). */
    private static final int EDNS_PAYLOAD = 1232;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final InetAddress bindAddress;
    private final QueryGate gate;
    private final String perspective;

    /**
     * Asked before every query is sent; throwing stands for a network that would not carry it
     * (the simulated firewall): a {@link SocketTimeoutException} reads as a timeout, any other
     * {@link IOException} as a networking error.
     */
    @FunctionalInterface
    public interface QueryGate {
        /** A gate that lets every query through. */
        QueryGate OPEN = server -> { };

        void beforeQuery(InetSocketAddress server) throws IOException;
    }

    /** A resolver that asks {@code server}, waiting at most {@code timeout} per query. */
    public DnsResolver(InetSocketAddress server, Duration timeout) {
        this(server, timeout, null);
    }

    /**
     * @param bindAddress local address to send queries from (a vantage point's real source
     *                    address); null lets the system choose
     */
    public DnsResolver(InetSocketAddress server, Duration timeout, InetAddress bindAddress) {
        this(server, timeout, bindAddress, QueryGate.OPEN, null);
    }

    /**
     * @param bindAddress local address to send queries from; null lets the system choose
     * @param gate        asked before each query is sent
     * @param perspective the vantage point named in every query, so the {@link MockDnsServer}
     *                    answers from its view ({@link DnsRecords#view}); null names none
     */
    public DnsResolver(InetSocketAddress server, Duration timeout, InetAddress bindAddress, QueryGate gate,
                       String perspective) {
        if (server == null || timeout == null || timeout.isNegative() || timeout.isZero() || gate == null) {
            throw new IllegalArgumentException("a resolver needs a server address, a positive timeout and a gate");
        }
        this.server = server;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
        this.gate = gate;
        this.perspective = perspective;
    }

    /** The server this resolver asks. */
    public InetSocketAddress server() {
        return server;
    }

    /** Looks up {@code type} records at {@code name} (trailing dot optional), following CNAMEs. */
    public DnsAnswer lookup(String name, DnsType type) {
        String display = name == null ? "" : stripDot(name.trim());
        Name start;
        try {
            if (display.isEmpty() || display.equals(".")) {
                throw new TextParseException("empty name");
            }
            start = Name.fromString(display, Name.root);
        } catch (TextParseException | RuntimeException e) {
            return DnsAnswer.failed(display, type, DnsAnswer.Failure.INVALID_NAME,
                    detail("invalid name", type, display, ""));
        }
        Set<Name> chain = new LinkedHashSet<>();
        chain.add(start);
        Name current = start;
        // One query per hop at most: a server that does not chase aliases itself is asked again.
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            Message response;
            try {
                response = send(current, type);
            } catch (IOException e) {
                return networkFailure(display, type, e);
            }
            if (response.getRcode() != Rcode.NOERROR) {
                return rcodeFailure(display, type, response.getRcode());
            }
            Walk walk = walk(response, current, type, chain);
            if (walk.failure() != null) {
                return DnsAnswer.failed(display, type, walk.failure(), detail(
                        walk.failure() == DnsAnswer.Failure.CNAME_LOOP ? "CNAME loop detected" : "too many CNAMEs",
                        type, display, ""));
            }
            if (walk.next() == null) {
                return DnsAnswer.found(display, type, walk.values());
            }
            current = walk.next();
        }
        return DnsAnswer.failed(display, type, DnsAnswer.Failure.CNAME_CHAIN_TOO_LONG,
                detail("too many CNAMEs", type, display, ""));
    }

    /** Where reading one response ended: values found, a name still to ask for, or a failure. */
    private record Walk(List<String> values, Name next, DnsAnswer.Failure failure) {
    }

    /**
     * Follows the alias chain through the answer section (RFC 1034 §5.3.3): values at the current
     * end of the chain win; an alias moves the end; an alias whose target is not in this response
     * means asking again for the target.
     */
    private static Walk walk(Message response, Name asked, DnsType type, Set<Name> chain) {
        List<Record> answers = response.getSection(Section.ANSWER);
        Name at = asked;
        while (true) {
            List<String> values = valuesAt(answers, at, type);
            if (!values.isEmpty()) {
                return new Walk(values, null, null);
            }
            Name target = aliasAt(answers, at);
            if (target == null) {
                return at.equals(asked) ? new Walk(List.of(), null, null) : new Walk(List.of(), at, null);
            }
            if (!chain.add(target)) {
                return new Walk(List.of(), null, DnsAnswer.Failure.CNAME_LOOP);
            }
            if (chain.size() > MAX_CNAME_HOPS + 1) {
                return new Walk(List.of(), null, DnsAnswer.Failure.CNAME_CHAIN_TOO_LONG);
            }
            at = target;
        }
    }

    private static List<String> valuesAt(List<Record> answers, Name owner, DnsType type) {
        List<String> values = new ArrayList<>();
        for (Record record : answers) {
            if (!record.getName().equals(owner) || record.getType() != type.code()) {
                continue;
            }
            if (record instanceof ARecord a) {
                values.add(a.getAddress().getHostAddress());
            } else if (record instanceof AAAARecord aaaa) {
                values.add(aaaa.getAddress().getHostAddress());
            } else if (record instanceof TXTRecord txt) {
                values.add(joined(txt));
            } else if (record instanceof CAARecord caa) {
                values.add(caa.getFlags() + " " + caa.getTag() + " " + unescape(caa.getValue()));
            }
        }
        return values;
    }

    private static Name aliasAt(List<Record> answers, Name owner) {
        for (Record record : answers) {
            if (record instanceof CNAMERecord cname && record.getName().equals(owner)) {
                return cname.getTarget();
            }
        }
        return null;
    }

    /** A TXT record's character-strings concatenated (RFC 8555 §8.4 values fit in one, but may be split). */
    private static String joined(TXTRecord txt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object chunk : txt.getStringsAsByteArrays()) {
            out.writeBytes((byte[]) chunk);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * dnsjava prints a CAA value in presentation form: {@code \DDD} for octets outside printable
     * ASCII and a backslash before {@code "} and {@code \}. This gives back the octets, as UTF-8.
     */
    static String unescape(String presentation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < presentation.length(); i++) {
            char c = presentation.charAt(i);
            if (c == '\\' && isDigits(presentation, i + 1)) {
                out.write(Integer.parseInt(presentation.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < presentation.length()) {
                out.write(presentation.charAt(++i));
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isDigits(String text, int from) {
        return from + 3 <= text.length() && text.substring(from, from + 3).chars().allMatch(Character::isDigit);
    }

    private Message send(Name name, DnsType type) throws IOException {
        gate.beforeQuery(server);
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        if (bindAddress != null) {
            resolver.setLocalAddress(new InetSocketAddress(bindAddress, 0));
        }
        Message query = Message.newQuery(Record.newRecord(name, type.code(), DClass.IN));
        if (perspective != null) {
            // SimpleResolver adds its own OPT only to a query that has none, so this one is kept.
            query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, 0, List.of(new GenericEDNSOption(
                    Responder.PERSPECTIVE_OPTION, perspective.getBytes(StandardCharsets.UTF_8)))), Section.ADDITIONAL);
        }
        return resolver.send(query);
    }

    private static DnsAnswer networkFailure(String name, DnsType type, IOException e) {
        boolean timedOut = e instanceof SocketTimeoutException || e.getCause() instanceof TimeoutException
                || e.getCause() instanceof SocketTimeoutException;
        return timedOut
                ? DnsAnswer.failed(name, type, DnsAnswer.Failure.TIMEOUT, detail("query timed out", type, name, ""))
                : DnsAnswer.failed(name, type, DnsAnswer.Failure.NETWORK, detail("networking error", type, name, ""));
    }

    /** Boulder's wording: the RCODE's name, then for the common ones a hint at the cause. */
    private static DnsAnswer rcodeFailure(String name, DnsType type, int rcode) {
        return switch (rcode) {
            case Rcode.NXDOMAIN -> DnsAnswer.failed(name, type, DnsAnswer.Failure.NXDOMAIN,
                    detail("NXDOMAIN", type, name, " - check that a DNS record exists for this domain"));
            case Rcode.SERVFAIL -> DnsAnswer.failed(name, type, DnsAnswer.Failure.SERVFAIL,
                    detail("SERVFAIL", type, name, " - the domain's nameservers may be malfunctioning"));
            case Rcode.REFUSED -> DnsAnswer.failed(name, type, DnsAnswer.Failure.REFUSED,
                    detail("REFUSED", type, name, " - the domain's nameservers may be malfunctioning"));
            default -> DnsAnswer.failed(name, type, DnsAnswer.Failure.SERVER_FAILURE,
                    detail(Rcode.string(rcode), type, name, ""));
        };
    }

    private static String detail(String what, DnsType type, String name, String hint) {
        return "DNS problem: " + what + " looking up " + type.name() + " for " + name + hint;
    }

    private static String stripDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
