package dev.vantage.server.service;

import dev.vantage.config.ProfileConfig;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.model.Challenge;
import dev.vantage.server.model.ChallengeStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.store.Store;
import dev.vantage.validator.ChallengeType;
import dev.vantage.validator.ValidationReport;
import dev.vantage.validator.ValidationRequest;
import dev.vantage.validator.Validator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Responding to challenges (RFC 8555 §7.5.1): the challenge turns {@code processing}, the
 * validator runs on a worker, and its report is applied in one atomic update of the
 * authorization. No retries: a failed challenge makes the authorization invalid, as at Let's Encrypt.
 */
public final class ChallengeService {
    private static final System.Logger LOG = System.getLogger(ChallengeService.class.getName());

    private final Store store;
    private final Clock clock;
    private final Profiles profiles;
    private final Validator validator;
    private final ExecutorService workers;
    private final ValidationHistory history;

    public ChallengeService(Store store, Clock clock, Profiles profiles, Validator validator, ExecutorService workers,
                            ValidationHistory history) {
        this.store = store;
        this.clock = clock;
        this.profiles = profiles;
        this.validator = validator;
        this.workers = workers;
        this.history = history;
    }

    /** The authorization holding the challenge, checked to belong to {@code account}. */
    public Authorization authorizationOf(Account account, AuthzId id, ChallengeType type) {
        Authorization authz = Ownership.own(account, store.authorization(id), "challenge");
        authz.challenge(type).orElseThrow(() -> AcmeProblemException.notFound("challenge"));
        return authz;
    }

    /**
     * The client says it is ready: start validating unless this challenge is already past
     * pending or the authorization no longer is pending, in which case nothing changes (a repeated
     * POST is harmless, RFC 8555 §7.5.1).
     *
     * @param accountUri the account's URL as this request addressed the server (its JWS
     *                   {@code kid}), which a CAA {@code accounturi} parameter must equal (RFC 8657
     *                   §3); taken from the request rather than stored, because the URL's origin
     *                   is whatever host name the client used
     */
    public Authorization respond(Account account, String accountUri, AuthzId id, ChallengeType type) {
        authorizationOf(account, id, type);
        boolean[] started = {false};
        Authorization updated = store.updateAuthorization(id, a -> {
            started[0] = AuthzStatus.of(a, clock.instant()) == AuthzStatus.PENDING
                    && a.challenges().stream().noneMatch(c -> c.status() != ChallengeStatus.PENDING);
            return started[0] ? a.withChallenge(type, Challenge::processing) : a;
        }).orElseThrow();
        if (started[0]) {
            submit(updated, type, account.key().thumbprint(), accountUri);
        }
        return updated;
    }

    private void submit(Authorization authz, ChallengeType type, String thumbprint, String accountUri) {
        String token = authz.challenge(type).orElseThrow().token();
        // RFC 8555 §8.1: the key authorization is the token and the account key's thumbprint.
        ValidationRequest request = new ValidationRequest(authz.identifier(), type, token, token + "." + thumbprint,
                accountUri, authz.wildcard());
        try {
            workers.execute(() -> apply(authz, type, validate(request)));
        } catch (RejectedExecutionException e) {
            apply(authz, type, null);
        }
    }

    private ValidationReport validate(ValidationRequest request) {
        try {
            return validator.validate(request);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "validation of " + request.identifier() + " failed unexpectedly", e);
            return null;
        }
    }

    /** Applies a report, unless the authorization moved on meanwhile (deactivated, expired). */
    private void apply(Authorization authz, ChallengeType type, ValidationReport report) {
        Instant now = clock.instant();
        // Recorded before the authorization changes, so whoever sees the outcome also finds the
        // attempt; a reset during the validation leaves no trace of it.
        if (report != null && store.authorization(authz.id()).isPresent()) {
            history.add(new ValidationHistory.Attempt(now, authz.id(), authz.account(), authz.identifier(), type, report));
        }
        ProfileConfig profile = profiles.get(authz.profile());
        store.updateAuthorization(authz.id(), a -> {
            boolean processing = a.challenge(type).map(c -> c.status() == ChallengeStatus.PROCESSING).orElse(false);
            if (!processing) {
                return a;
            }
            if (AuthzStatus.of(a, now) != AuthzStatus.PENDING) {
                return a.withChallenge(type, c -> c.invalid(Problem.of(ProblemType.MALFORMED,
                        "the authorization was no longer pending when validation finished")));
            }
            if (report != null && report.valid()) {
                return a.validated(type, now, now.plus(validLifetime(profile)));
            }
            Problem problem = report == null
                    ? Problem.of(ProblemType.SERVER_INTERNAL, "validation could not be performed")
                    : problem(a, report);
            return a.withChallenge(type, c -> c.invalid(problem)).withStatus(AuthzStatus.INVALID);
        });
    }

    /**
     * The challenge's error: the report's one problem, shaped as Let's Encrypt shapes it, with one
     * subproblem per failed perspective when the report carries them (RFC 8555 §6.7.1).
     */
    private static Problem problem(Authorization authz, ValidationReport report) {
        Problem top = Problem.of(ProblemType.ofCode(report.problem().kind().acmeCode()), report.problem().detail());
        String type = authz.identifier().type().token();
        String value = authz.identifier().value();
        return report.subproblems().isEmpty() ? top : top.withSubproblems(report.subproblems().stream()
                .map(p -> Problem.about(type, value, ProblemType.ofCode(p.kind().acmeCode()), p.detail())).toList());
    }

    /**
     * A validated authorization lives for the reuse window. A zero window means "never reuse",
     * not "unusable": the authorization then lives as long as an order, so the order that
     * validated it can still be finalized.
     */
    static Duration validLifetime(ProfileConfig profile) {
        return profile.validAuthzLifetime().isZero() ? profile.orderLifetime() : profile.validAuthzLifetime();
    }
}
