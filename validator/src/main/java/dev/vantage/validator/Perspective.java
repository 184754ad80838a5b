package dev.vantage.validator;

import dev.vantage.config.FirewallService;
import dev.vantage.validator.dns.DnsResolver;
import java.io.IOException;
import java.net.InetAddress;

/**
 * One vantage point during one validation: where it is, its own resolver (so no answer is shared
 * between perspectives, BR §3.2.2.9, or between validations), and its way through the simulated
 * network.
 */
record Perspective(VantagePoint point, DnsResolver resolver, NetworkGate gate) {

    String name() {
        return point.name();
    }

    InetAddress bindAddress() {
        return point.bindAddress();
    }

    /**
     * Asks the simulated firewall about a connection this perspective is about to open; throws the
     * failure a blocked connection would produce. Called after DNS, right before connecting.
     */
    void admit(String host, InetAddress address, int port, FirewallService service) throws IOException {
        gate.admit(new FirewallTarget(host, address, port, service));
    }

    /**
     * Names the CA and the perspective, as Let's Encrypt's validation User-Agent names Let's
     * Encrypt, so a subscriber's logs show which vantage point knocked.
     */
    String userAgent() {
        return "Mozilla/5.0 (compatible; Vantage validation server; perspective " + point.name() + ")";
    }
}
