package dev.vantage.validator.dns;

import java.util.Locale;

/**
 * One CAA resource record as a resolver read it (RFC 8659 §4.1): flags, tag and value. Unlike
 * {@link DnsRecords.CaaPolicy}, which checks what a tester writes, this accepts whatever a server
 * sent, so that a strange record is judged by the CAA rules rather than breaking the lookup.
 *
 * @param flags the flags octet
 * @param tag   the property tag as sent; compare it with {@link #tagIs(String)}
 * @param value the property value, decoded as UTF-8
 */
public record CaaProperty(int flags, String tag, String value) {
    /** RFC 8659 §4.1: the Issuer Critical Flag is bit 0, the most significant bit of the octet. */
    private static final int CRITICAL = 128;
    /**
     * Let's Encrypt also reads the least significant bit as critical, because many publishers
     * misread RFC 6844's bit numbering; Vantage does the same so a record judged here is judged
     * as it would be there.
     */
    private static final int MISREAD_CRITICAL = 1;

    /** True when the Issuer Critical Flag (or the bit commonly mistaken for it) is set. */
    public boolean critical() {
        return (flags & (CRITICAL | MISREAD_CRITICAL)) != 0;
    }

    /** RFC 8659 §4.1: matching of tags is case-insensitive. */
    public boolean tagIs(String name) {
        return tag.toLowerCase(Locale.ROOT).equals(name);
    }

    /** The record's presentation form, for example {@code 0 issue "vantage.test"}. */
    @Override
    public String toString() {
        return flags + " " + tag + " \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
