package dev.vantage.validator.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one lookup: the values found (possibly none), or a typed failure with a detail
 * text shaped like Let's Encrypt's, for example {@code DNS problem: SERVFAIL looking up A for
 * x.test - the domain's nameservers may be malfunctioning}.
 *
 * @param name    the name that was asked for, without the final dot
 * @param type    the record type
 * @param values  addresses in text form for A and AAAA, the joined character-strings of each
 *                record for TXT, {@code <flags> <tag> <value>} (the value raw, unquoted) for CAA
 *                (read them with {@link #caa()}); empty when the name has none (or on failure)
 * @param failure null when the lookup succeeded
 * @param detail  the problem detail; null when the lookup succeeded
 */
public record DnsAnswer(String name, DnsType type, List<String> values, Failure failure, String detail) {

    /** Why a lookup failed. */
    public enum Failure {
        /** The name does not exist (RCODE 3). */
        NXDOMAIN,
        /** The server failed (RCODE 2). */
        SERVFAIL,
        /** The server refused to answer (RCODE 5). */
        REFUSED,
        /** Any other non-zero RCODE, or a response that made no sense. */
        SERVER_FAILURE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The query could not be sent or the response not received. */
        NETWORK,
        /** A CNAME chain led back to a name already on it. */
        CNAME_LOOP,
        /** A CNAME chain was longer than the resolver follows. */
        CNAME_CHAIN_TOO_LONG,
        /** The name itself is not a valid DNS name. */
        INVALID_NAME
    }

    public DnsAnswer {
        values = List.copyOf(values);
    }

    static DnsAnswer found(String name, DnsType type, List<String> values) {
        return new DnsAnswer(name, type, values, null, null);
    }

    static DnsAnswer failed(String name, DnsType type, Failure failure, String detail) {
        return new DnsAnswer(name, type, List.of(), failure, detail);
    }

    /** True when the lookup got an answer (which may hold no values). */
    public boolean ok() {
        return failure == null;
    }

    /** The values of a CAA answer as properties. */
    public List<CaaProperty> caa() {
        if (type != DnsType.CAA) {
            throw new IllegalStateException("a " + type + " answer holds no CAA properties");
        }
        // Flags and tag never contain a space, so the value is everything after the second one.
        return values.stream().map(v -> v.split(" ", 3))
                .map(p -> new CaaProperty(Integer.parseInt(p[0]), p[1], p[2])).toList();
    }

    /** The values of an A or AAAA answer as addresses. */
    public List<InetAddress> addresses() {
        if (type != DnsType.A && type != DnsType.AAAA) {
            throw new IllegalStateException("a " + type + " answer holds no addresses");
        }
        List<InetAddress> out = new ArrayList<>();
        for (String value : values) {
            try {
                // values came from InetAddress.getHostAddress(): literals, so no lookup happens
                out.add(InetAddress.getByName(value));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("not an address literal: " + value, e);
            }
        }
        return out;
    }
}
