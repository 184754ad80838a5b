package dev.vantage.validator;

import dev.vantage.config.Durations;
import dev.vantage.config.ValidationConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Validator}: checks http-01, dns-01 and tls-alpn-01 challenges, then CAA (RFC 8659,
 * RFC 8657), from every vantage point of a {@link SimulatedNetwork} and decides by quorum
 * (CA/Browser Forum BR §3.2.2.9), with problems shaped like Let's Encrypt's.
 *
 * <p>By default the primary checks first and, only if it passed, the remotes check concurrently,
 * as Boulder does; the perspectives settings can run every one at once instead. Each perspective
 * runs on a thread of this validator's small pool, has its own resolver, and is bounded by the
 * perspectives timeout; a perspective that runs over is cancelled and recorded as failed, so
 * every perspective asked appears in the report. Changes to the network apply to the next
 * validation. {@code validate} blocks, is thread-safe and never throws: an unexpected failure
 * becomes a {@link ProblemKind#SERVER_INTERNAL} problem. {@link #close()} stops the pool.
 */
public final class ChallengeValidator implements Validator, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChallengeValidator.class.getName());

    private final ValidationConfig config;
    private final Clock clock;
    private final SimulatedNetwork network;
    private final PerspectiveRun runner;
    private final ThreadPoolExecutor pool;

    /**
     * A validator with the single default primary perspective and no firewall, like Pebble. It
     * knows no CAA identity, so any CAA {@code issue} property forbids issuance.
     */
    public ChallengeValidator(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock) {
        this(config, resolverAddress, clock, SimulatedNetwork.single());
    }

    /** A validator that knows no CAA identity, so any CAA {@code issue} property forbids issuance. */
    public ChallengeValidator(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock,
                              SimulatedNetwork network) {
        this(config, resolverAddress, clock, network, List.of());
    }

    /**
     * @param config          ports, timeouts, delay, {@code alwaysValid}, and the worker count
     *                        that sizes this validator's pool
     * @param resolverAddress the DNS server every lookup asks: the embedded {@code MockDnsServer}
     *                        or an external resolver; DNS queries wait at most the read timeout
     * @param clock           stamps when each check started (durations use a monotonic timer)
     * @param network         the vantage points, quorum and firewall, read anew for each validation
     * @param caaIdentities   the issuer domain names that mean this CA in CAA records
     *                        ({@code ca.caaIdentities})
     */
    public ChallengeValidator(ValidationConfig config, InetSocketAddress resolverAddress, Clock clock,
                              SimulatedNetwork network, List<String> caaIdentities) {
        if (config == null || resolverAddress == null || clock == null || network == null || caaIdentities == null) {
            throw new IllegalArgumentException(
                    "a validator needs a config, a resolver address, a clock, a network and CAA identities");
        }
        this.config = config;
        this.clock = clock;
        this.network = network;
        this.runner = new PerspectiveRun(config, resolverAddress, clock, List.copyOf(caaIdentities));
        // Room for every perspective of every concurrent validation (the default le preset has
        // five); idle threads end, so an idle server holds none.
        int threads = Math.max(4, Math.min(128, config.workers() * 6));
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The vantage points and firewall this validator reads. */
    public SimulatedNetwork network() {
        return network;
    }

    @Override
    public ValidationReport validate(ValidationRequest request) {
        return run(request, PerspectiveRun.Step.CHALLENGE_AND_CAA);
    }

    /** The CAA re-check; {@code validation.delay} does not apply (no client is waiting on a challenge). */
    @Override
    public ValidationReport checkCaa(ValidationRequest request) {
        return run(request, PerspectiveRun.Step.CAA_ONLY);
    }

    private ValidationReport run(ValidationRequest request, PerspectiveRun.Step step) {
        List<Pending> pending = new ArrayList<>();
        try {
            if (step == PerspectiveRun.Step.CHALLENGE_AND_CAA && !config.delay().isZero()) {
                Thread.sleep(config.delay().toMillis());
            }
            return validate(request, step, network.snapshot(), pending);
        } catch (InterruptedException e) {
            pending.forEach(p -> p.future().cancel(true));
            Thread.currentThread().interrupt(); // the server is shutting its workers down
            return internal(request, "validation was interrupted");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "validation of " + request + " failed", e);
            return internal(request, PerspectiveRun.INTERNAL);
        }
    }

    private ValidationReport validate(ValidationRequest request, PerspectiveRun.Step step, SimulatedNetwork.Snapshot s,
                                      List<Pending> pending) throws InterruptedException {
        Duration timeout = s.perspectives().timeout();
        Task task = new Task(request, step, s.firewall(), timeout);
        Pending first = submit(s.primary(), true, task);
        pending.add(first);
        PerspectiveResult primary = null;
        if (!s.perspectives().concurrent()) {
            primary = await(first, timeout);
            if (!primary.passed()) {
                return report(request, s, List.of(new Done(first.point(), primary))); // Boulder asks no remote then
            }
        }
        List<Pending> remotes = new ArrayList<>();
        for (VantagePoint remote : s.remotes()) {
            remotes.add(submit(remote, false, task));
        }
        pending.addAll(remotes);
        List<Done> done = new ArrayList<>();
        done.add(new Done(first.point(), primary != null ? primary : await(first, timeout)));
        for (Pending p : remotes) {
            done.add(new Done(p.point(), await(p, timeout)));
        }
        return report(request, s, done);
    }

    private ValidationReport report(ValidationRequest request, SimulatedNetwork.Snapshot s, List<Done> done) {
        List<Quorum.Remote> remotes = done.stream().skip(1)
                .map(d -> new Quorum.Remote(d.point().name(), d.point().rir(), d.result().problem())).toList();
        Quorum.Decision decision = Quorum.decide(s.perspectives().quorum(), done.get(0).result().problem(), remotes);
        List<ValidationProblem> subproblems = !s.perspectives().subproblems() ? List.of() : done.stream()
                .filter(d -> !d.result().passed())
                .map(d -> d.result().problem().prefixed(d.point().name() + " (" + d.point().rir() + ", "
                        + d.point().sourceAddress() + "): "))
                .toList();
        return new ValidationReport(request, done.stream().map(Done::result).toList(), decision.problem(), subproblems);
    }

    /** A perspective submitted to the pool. */
    private record Pending(VantagePoint point, boolean primary, Future<PerspectiveResult> future, Instant submittedAt,
                           long deadline) {
    }

    /** A perspective's final result. */
    private record Done(VantagePoint point, PerspectiveResult result) {
    }

    /** What every perspective of one validation runs. */
    private record Task(ValidationRequest request, PerspectiveRun.Step step, Firewall firewall, Duration timeout) {
    }

    private Pending submit(VantagePoint point, boolean primary, Task task) {
        Instant submittedAt = clock.instant();
        long deadline = System.nanoTime() + task.timeout().toNanos();
        return new Pending(point, primary,
                pool.submit(() -> runner.run(point, primary, task.firewall(), task.request(), task.step())),
                submittedAt, deadline);
    }

    /**
     * The perspective's result, or a recorded failure when it ran past its deadline (measured from
     * submission, so time spent queued for a thread counts) or broke.
     */
    private PerspectiveResult await(Pending p, Duration timeout) throws InterruptedException {
        try {
            return p.future().get(Math.max(0, p.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            p.future().cancel(true);
            return failed(p, timeout, new ValidationProblem(ProblemKind.CONNECTION, "Validation from vantage point "
                    + p.point().name() + " did not finish within " + Durations.format(timeout)));
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "the check from " + p.point().name() + " failed", e.getCause());
            return failed(p, timeout, new ValidationProblem(ProblemKind.SERVER_INTERNAL, PerspectiveRun.INTERNAL));
        }
    }

    private static PerspectiveResult failed(Pending p, Duration took, ValidationProblem problem) {
        return new PerspectiveResult(p.point().name(), p.primary(), p.point().sourceAddress(), "", 0, p.submittedAt(), took,
                problem);
    }

    private static ValidationReport internal(ValidationRequest request, String detail) {
        return new ValidationReport(request, List.of(), new ValidationProblem(ProblemKind.SERVER_INTERNAL, detail));
    }

    /** Stops the pool; checks still running are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "vantage-perspective-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
