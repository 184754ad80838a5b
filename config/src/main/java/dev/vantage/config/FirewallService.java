package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a validation connection is for, as firewall rules name it. */
public enum FirewallService {
    /** The http-01 fetches (RFC 8555 §8.3), redirects included. */
    HTTP_01("http-01"),
    /** The tls-alpn-01 handshake (RFC 8737). */
    TLS_ALPN_01("tls-alpn-01"),
    /** The perspective's DNS queries for the identifier (dns-01 TXT, and A/AAAA of the other checks). */
    DNS("dns");

    private final String id;

    FirewallService(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static FirewallService of(String text) {
        return EnumIds.of(values(), FirewallService::id, "service", text);
    }
}
