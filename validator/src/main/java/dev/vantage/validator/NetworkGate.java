package dev.vantage.validator;

import dev.vantage.config.BlockMode;
import dev.vantage.config.FirewallService;
import dev.vantage.validator.dns.DnsResolver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * One perspective's way through the simulated network during one validation. A blocked
 * connection fails with the exception the real network would have produced, so the checks'
 * existing failure handling (IPv6-to-IPv4 fallback, Let's Encrypt's wording) applies unchanged:
 * a drop is a connect timeout ("Timeout during connect (likely firewall problem)"), a reject a
 * refusal ("Connection refused"); for DNS a timeout or a networking error.
 */
final class NetworkGate implements DnsResolver.QueryGate {
    private final Firewall firewall;
    private final VantagePoint point;
    private final String identifier;
    private volatile InetSocketAddress blockedQuery;

    /**
     * @param identifier the name DNS rules match: the validated identifier, without {@code *.}
     */
    NetworkGate(Firewall firewall, VantagePoint point, String identifier) {
        this.firewall = firewall;
        this.point = point;
        this.identifier = identifier;
    }

    /** Throws when the firewall blocks a connection to {@code target}; returns when it passes. */
    void admit(FirewallTarget target) throws IOException {
        if (!(firewall.verdict(point.source(), target) instanceof Firewall.Verdict.Blocked blocked)) {
            return;
        }
        pause(blocked);
        String why = " (simulated: firewall rule \"" + blocked.rule() + "\")";
        if (blocked.mode() == BlockMode.REJECT) {
            throw new ConnectException("Connection refused" + why);
        }
        throw new ConnectTimeoutException("Connect timed out" + why);
    }

    @Override
    public void beforeQuery(InetSocketAddress server) throws IOException {
        FirewallTarget target = new FirewallTarget(identifier, server.getAddress(), server.getPort(), FirewallService.DNS);
        if (!(firewall.verdict(point.source(), target) instanceof Firewall.Verdict.Blocked blocked)) {
            return;
        }
        blockedQuery = server;
        pause(blocked);
        String why = "simulated: firewall rule \"" + blocked.rule() + "\"";
        if (blocked.mode() == BlockMode.REJECT) {
            throw new PortUnreachableException(why); // ICMP port unreachable answers a rejected UDP query
        }
        throw new SocketTimeoutException(why);
    }

    /** The DNS server a blocked query would have gone to, or null when no query was blocked. */
    InetSocketAddress blockedQuery() {
        return blockedQuery;
    }

    /** A real delay, when the rule asks for one, before the blocked attempt fails. */
    private static void pause(Firewall.Verdict.Blocked blocked) throws InterruptedIOException {
        if (blocked.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(blocked.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while simulating a blocked connection");
        }
    }
}
