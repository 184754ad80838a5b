package dev.vantage.validator;

import dev.vantage.config.ValidationConfig;
import dev.vantage.validator.dns.DnsResolver;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Runs one challenge check from one vantage point: its latency, its forced failure or the real
 * check through the simulated network, timed. Holds only configuration; thread-safe.
 */
final class PerspectiveRun {
    private static final System.Logger LOG = System.getLogger(PerspectiveRun.class.getName());
    static final String INTERNAL = "The server could not complete the validation because of an internal error";

    private final ValidationConfig config;
    private final InetSocketAddress resolverAddress;
    private final Clock clock;
    private final Map<ChallengeType, ChallengeCheck> checks = new EnumMap<>(ChallengeType.class);

    PerspectiveRun(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock) {
        this.config = config;
        this.resolverAddress = resolverAddress;
        this.clock = clock;
        checks.put(ChallengeType.HTTP_01, new Http01Check(config));
        checks.put(ChallengeType.DNS_01, new Dns01Check());
        checks.put(ChallengeType.TLS_ALPN_01, new TlsAlpn01Check(config));
    }

    /** The point's result; never throws (an interrupt ends it early with a problem and keeps the flag). */
    PerspectiveResult run(VantagePoint point, boolean primary, Firewall firewall, ValidationRequest request) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        CheckOutcome outcome = outcome(point, primary, firewall, request);
        return new PerspectiveResult(point.name(), primary, point.sourceAddress(), outcome.targetAddress(),
                outcome.port(), startedAt, Duration.ofNanos(System.nanoTime() - start), outcome.problem());
    }

    private CheckOutcome outcome(VantagePoint point, boolean primary, Firewall firewall, ValidationRequest request) {
        if (config.alwaysValid()) {
            return CheckOutcome.passed(); // PEBBLE_VA_ALWAYS_VALID: nothing is contacted, nothing simulated
        }
        if (!point.latency().isZero()) {
            try {
                Thread.sleep(point.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the validation gave up on this perspective
                return CheckOutcome.failed(ProblemKind.SERVER_INTERNAL, "validation was interrupted");
            }
        }
        if (point.forcedFailure() != null) {
            return CheckOutcome.failed(point.forcedFailure(), "Forced " + point.forcedFailure().acmeCode()
                    + " failure at vantage point " + point.name() + " (" + point.sourceAddress() + ")");
        }
        // A fresh resolver per perspective and validation: perspectives must not share caches (BR §3.2.2.9).
        NetworkGate gate = new NetworkGate(firewall, point, request.identifier().withoutWildcard().value());
        DnsResolver resolver = new DnsResolver(resolverAddress, config.readTimeout(), point.bindAddress(), gate);
        CheckOutcome outcome = check(new Perspective(point, primary, resolver, gate), request);
        InetSocketAddress blocked = gate.blockedQuery();
        if (outcome.problem() != null && outcome.targetAddress().isEmpty() && blocked != null) {
            // A blocked DNS query records the server it would have asked.
            return CheckOutcome.failed(Targets.text(blocked.getAddress()), blocked.getPort(), outcome.problem());
        }
        return outcome;
    }

    /** The check's outcome; a bug in a check is reported for this perspective, not thrown. */
    private CheckOutcome check(Perspective perspective, ValidationRequest request) {
        try {
            return checks.get(request.type()).check(perspective, request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the " + request.type() + " check of " + request.identifier()
                    + " from " + perspective.name() + " failed", e);
            return CheckOutcome.failed(ProblemKind.SERVER_INTERNAL, INTERNAL);
        }
    }
}
