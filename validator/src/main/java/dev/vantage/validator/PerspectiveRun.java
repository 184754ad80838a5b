package dev.vantage.validator;

import dev.vantage.config.ValidationConfig;
import dev.vantage.validator.dns.DnsResolver;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one challenge check from one vantage point: its latency, its forced failure or the real
 * check through the simulated network, then CAA, timed. Holds only configuration; thread-safe.
 */
final class PerspectiveRun {
    /** What a perspective checks. */
    enum Step {
        /** The challenge, then, if it passed, CAA, as Boulder's validation does. */
        CHALLENGE_AND_CAA,
        /** Only CAA: the re-check at finalize. */
        CAA_ONLY
    }

    private static final System.Logger LOG = System.getLogger(PerspectiveRun.class.getName());
    static final String INTERNAL = "The server could not complete the validation because of an internal error";

    private final ValidationConfig config;
    private final InetSocketAddress resolverAddress;
    private final Clock clock;
    private final Map<ChallengeType, ChallengeCheck> checks = new EnumMap<>(ChallengeType.class);
    private final CaaCheck caa;

    PerspectiveRun(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock, List<String> caaIdentities) {
        this.config = config;
        this.resolverAddress = resolverAddress;
        this.clock = clock;
        this.caa = new CaaCheck(caaIdentities);
        checks.put(ChallengeType.HTTP_01, new Http01Check(config));
        checks.put(ChallengeType.DNS_01, new Dns01Check());
        checks.put(ChallengeType.TLS_ALPN_01, new TlsAlpn01Check(config));
    }

    /** The point's result; never throws (an interrupt ends it early with a problem and keeps the flag). */
    PerspectiveResult run(VantagePoint point, boolean primary, Firewall firewall, ValidationRequest request, Step step) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        CheckOutcome outcome = outcome(point, firewall, request, step);
        return new PerspectiveResult(point.name(), primary, point.sourceAddress(), outcome.targetAddress(),
                outcome.port(), startedAt, Duration.ofNanos(System.nanoTime() - start), outcome.problem());
    }

    private CheckOutcome outcome(VantagePoint point, Firewall firewall, ValidationRequest request, Step step) {
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
        // It names the point in its queries, so the mock DNS server answers from the point's view.
        NetworkGate gate = new NetworkGate(firewall, point, request.identifier().value());
        DnsResolver resolver = new DnsResolver(resolverAddress, config.readTimeout(), point.bindAddress(), gate,
                point.name());
        Perspective perspective = new Perspective(point, resolver, gate);
        CheckOutcome outcome = switch (step) {
            case CHALLENGE_AND_CAA -> caa(perspective, request, check(perspective, request));
            case CAA_ONLY -> caa(perspective, request, CheckOutcome.passed());
        };
        InetSocketAddress blocked = gate.blockedQuery();
        if (outcome.problem() != null && outcome.targetAddress().isEmpty() && blocked != null) {
            // A blocked DNS query records the server it would have asked.
            return CheckOutcome.failed(Targets.text(blocked.getAddress()), blocked.getPort(), outcome.problem());
        }
        return outcome;
    }

    /**
     * CAA after a passed challenge, from the same perspective (Boulder checks CAA as part of each
     * perspective's validation); a refusal keeps the address the challenge connected to.
     */
    private CheckOutcome caa(Perspective perspective, ValidationRequest request, CheckOutcome challenge) {
        if (challenge.problem() != null) {
            return challenge;
        }
        ValidationProblem problem;
        try {
            problem = caa.check(perspective.resolver(), request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the CAA check of " + request.identifier() + " from "
                    + perspective.name() + " failed", e);
            problem = new ValidationProblem(ProblemKind.SERVER_INTERNAL, INTERNAL);
        }
        return problem == null ? challenge
                : CheckOutcome.failed(challenge.targetAddress(), challenge.port(), problem);
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
