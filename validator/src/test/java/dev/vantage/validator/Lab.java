package dev.vantage.validator;

import dev.vantage.config.FirewallConfig;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.PerspectivesConfig;
import dev.vantage.config.ValidationConfig;
import dev.vantage.config.VantagePointConfig;
import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.MockDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The test bench shared by the check tests: zone data served by a real MockDnsServer on loopback
 * (every name answers 127.0.0.1 unless a test says otherwise) and a validator pointed at it.
 */
final class Lab implements AutoCloseable {
    static final String TOKEN = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0";
    static final String KEY_AUTHORIZATION = TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    static final String CHALLENGE_PATH = "/.well-known/acme-challenge/" + TOKEN;
    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Short enough that a provoked timeout costs little; the tests assert outcomes, not times. */
    static final Duration SHORT = Duration.ofMillis(400);
    /** The CAA re-check window; the validator itself does not use it (the server's finalize does). */
    static final Duration RECHECK = Duration.ofHours(7);
    static final String CAA_IDENTITY = "vantage.test";
    static final String ACCOUNT = "https://localhost:14000/acct/1";

    final DnsRecords records = new DnsRecords();
    final MockDnsServer dns;

    Lab() throws IOException {
        dns = MockDnsServer.start(records, new InetSocketAddress("127.0.0.1", 0));
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    static ValidationConfig config(int httpPort, int tlsAlpnPort, Duration timeout) {
        return new ValidationConfig(httpPort, tlsAlpnPort, timeout, timeout, 2, Duration.ZERO, false, RECHECK);
    }

    ChallengeValidator validator(ValidationConfig config) {
        return new ChallengeValidator(config, dns.address(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ChallengeValidator validator(ValidationConfig config, SimulatedNetwork network) {
        return new ChallengeValidator(config, dns.address(), Clock.fixed(NOW, ZoneOffset.UTC), network);
    }

    /** A validator whose CA is {@value #CAA_IDENTITY} in CAA records. */
    ChallengeValidator caaValidator(SimulatedNetwork network) {
        return new ChallengeValidator(config(80, 443, TIMEOUT), dns.address(), Clock.fixed(NOW, ZoneOffset.UTC),
                network, List.of(CAA_IDENTITY));
    }

    /** Publishes the dns-01 answer for {@code name} (a wildcard's base name) in the shared records. */
    void publishDns01(String name) {
        records.setTxt("_acme-challenge." + name, java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Details.sha256(KEY_AUTHORIZATION)));
    }

    /** A network of the given points (the first is the primary) and rules. */
    static SimulatedNetwork network(List<VantagePointConfig> points, FirewallRule... rules) {
        return new SimulatedNetwork(PerspectivesConfig.of("single").withPoints(points), new FirewallConfig(List.of(rules)));
    }

    static ValidationRequest request(Identifier identifier, ChallengeType type) {
        return new ValidationRequest(identifier, type, TOKEN, KEY_AUTHORIZATION);
    }

    /** A challenge of the account {@value #ACCOUNT}; {@code *.name} is a wildcard. */
    static ValidationRequest accountRequest(String name, ChallengeType type) {
        return new ValidationRequest(Identifier.dns(name), type, TOKEN, KEY_AUTHORIZATION, ACCOUNT, false);
    }

    /** A loopback port nothing listens on (it was free a moment ago), for "connection refused". */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        dns.close();
    }
}
