package dev.vantage.validator.dns;

import org.xbill.DNS.Type;

/** The record types the challenge checks look up. */
public enum DnsType {
    /** IPv4 addresses (RFC 1035 §3.4.1). */
    A(Type.A),
    /** IPv6 addresses (RFC 3596). */
    AAAA(Type.AAAA),
    /** Text, for dns-01 (RFC 8555 §8.4). */
    TXT(Type.TXT),
    /** Certification Authority Authorization (RFC 8659). */
    CAA(Type.CAA);

    private final int code;

    DnsType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
