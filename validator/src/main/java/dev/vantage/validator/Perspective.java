package dev.vantage.validator;

import dev.vantage.validator.dns.DnsResolver;
import java.net.InetAddress;

/**
 * One vantage point during one validation: where it is, whether it is the primary, and its own
 * resolver, so no answer is shared between perspectives (BR §3.2.2.9) or between validations.
 */
record Perspective(VantagePoint point, boolean primary, DnsResolver resolver) {

    String name() {
        return point.name();
    }

    InetAddress bindAddress() {
        return point.bindAddress();
    }

    /**
     * Names the CA and the perspective, as Let's Encrypt's validation User-Agent names Let's
     * Encrypt, so a subscriber's logs show which vantage point knocked.
     */
    String userAgent() {
        return "Mozilla/5.0 (compatible; Vantage validation server; perspective " + point.name() + ")";
    }
}
