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
 * The {@link Validator}: checks http-01, dns-01 and tls-alpn-01 challenges against real targets
 * from the primary perspective and reports what it saw, with problems shaped like Let's Encrypt's.
 *
 * <p>Every validation gets a fresh resolver for its perspective, so no DNS answer is ever reused
 * between validations. {@code validate} blocks (it may sleep for the configured delay, then does
 * network I/O bounded by the configured timeouts), is thread-safe, and never throws: an
 * unexpected failure becomes a {@link ProblemKind#SERVER_INTERNAL} problem.
 */
public final class ChallengeValidator implements Validator {
    private static final System.Logger LOG = System.getLogger(ChallengeValidator.class.getName());
    private static final String INTERNAL = "The server could not complete the validation because of an internal error";

    private final ValidationConfig config;
    private final InetSocketAddress resolverAddress;
    private final Clock clock;
    private final VantagePoint primary;
    private final Map<ChallengeType, ChallengeCheck> checks = new EnumMap<>(ChallengeType.class);

    /** A validator with the default primary perspective ({@link VantagePoint#defaultPrimary()}). */
    public ChallengeValidator(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock) {
        this(config, resolverAddress, clock, VantagePoint.defaultPrimary());
    }

    /**
     * @param config          ports, timeouts, delay and {@code alwaysValid}
     * @param resolverAddress the DNS server every lookup asks: the embedded {@code MockDnsServer}
     *                        or an external resolver; DNS queries wait at most the read timeout
     * @param clock           stamps when each check started (durations use a monotonic timer)
     * @param primary         where the primary perspective validates from
     */
    public ChallengeValidator(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock,
                              VantagePoint primary) {
        if (config == null || resolverAddress == null || clock == null || primary == null) {
            throw new IllegalArgumentException("a validator needs a config, a resolver address, a clock and a primary perspective");
        }
        this.config = config;
        this.resolverAddress = resolverAddress;
        this.clock = clock;
        this.primary = primary;
        checks.put(ChallengeType.HTTP_01, new Http01Check(config));
        checks.put(ChallengeType.DNS_01, new Dns01Check());
        checks.put(ChallengeType.TLS_ALPN_01, new TlsAlpn01Check(config));
    }

    @Override
    public ValidationReport validate(ValidationRequest request) {
        try {
            if (!config.delay().isZero()) {
                Thread.sleep(config.delay().toMillis());
            }
            PerspectiveResult result = runPrimary(request);
            return new ValidationReport(request, List.of(result), result.problem());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is shutting its workers down
            return internal(request, "validation was interrupted");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "validation of " + request + " failed", e);
            return internal(request, INTERNAL);
        }
    }

    private PerspectiveResult runPrimary(ValidationRequest request) {
        // A fresh resolver per validation: perspectives must not share caches (BR §3.2.2.9).
        Perspective perspective = new Perspective(primary, true,
                new DnsResolver(resolverAddress, config.readTimeout(), primary.bindAddress()));
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        CheckOutcome outcome = run(perspective, request);
        return new PerspectiveResult(perspective.name(), perspective.primary(), primary.sourceAddress(),
                outcome.targetAddress(), outcome.port(), startedAt, Duration.ofNanos(System.nanoTime() - start),
                outcome.problem());
    }

    /** The check's outcome; a bug in a check is reported for this perspective, not thrown. */
    private CheckOutcome run(Perspective perspective, ValidationRequest request) {
        if (config.alwaysValid()) {
            return CheckOutcome.passed(); // PEBBLE_VA_ALWAYS_VALID: nothing is contacted
        }
        try {
            return checks.get(request.type()).check(perspective, request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the " + request.type() + " check of " + request.identifier()
                    + " from " + perspective.name() + " failed", e);
            return CheckOutcome.failed(ProblemKind.SERVER_INTERNAL, INTERNAL);
        }
    }

    private static ValidationReport internal(ValidationRequest request, String detail) {
        return new ValidationReport(request, List.of(), new ValidationProblem(ProblemKind.SERVER_INTERNAL, detail));
    }
}
