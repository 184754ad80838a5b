package dev.vantage.validator;

import dev.vantage.config.QuorumConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the remote perspectives corroborate a validation, and the one problem the client sees
 * if not (CA/Browser Forum BR §3.2.2.9, with Let's Encrypt's error shape). Pure: no I/O, no clock.
 */
final class Quorum {
    static final String SECONDARY = "During secondary validation: ";

    private Quorum() {
    }

    /** One remote perspective's outcome, in configured order. */
    record Remote(String name, String rir, ValidationProblem problem) {
        boolean passed() {
            return problem == null;
        }
    }

    /**
     * The decision.
     *
     * @param remotes      remote perspectives asked
     * @param passed       how many of them passed
     * @param required     how many had to pass
     * @param rirs         the distinct RIRs of the passing remotes
     * @param requiredRirs how many distinct RIRs the passing remotes had to span
     * @param problem      null when the validation succeeds; otherwise the problem the client sees
     */
    record Decision(int remotes, int passed, int required, Set<String> rirs, int requiredRirs,
                    ValidationProblem problem) {
        boolean valid() {
            return problem == null;
        }
    }

    /**
     * BR §3.2.2.9's table of remote failures allowed: none with fewer than two remotes (the table
     * starts at two), one with 2 to 5, two with 6 or more.
     */
    static int allowedFailures(int remotes) {
        return remotes < 2 ? 0 : remotes <= 5 ? 1 : 2;
    }

    /**
     * Decides as Boulder does: a failed primary decides alone, with its own problem; otherwise
     * the remotes must meet the policy; if they do not, the client sees the first failing remote's
     * problem (in configured order, so tests are repeatable) prefixed {@value #SECONDARY}.
     *
     * @param primary the primary's problem, null when it passed
     * @param remotes the remotes that were asked; none when the primary failed first
     */
    static Decision decide(QuorumConfig policy, ValidationProblem primary, List<Remote> remotes) {
        int n = remotes.size();
        int passed = (int) remotes.stream().filter(Remote::passed).count();
        Set<String> rirs = new TreeSet<>();
        remotes.stream().filter(Remote::passed).forEach(r -> rirs.add(r.rir()));
        int required = switch (policy.mode()) {
            case BR -> Math.max(0, n - (policy.maxRemoteFailures() != null ? policy.maxRemoteFailures() : allowedFailures(n)));
            case ALL -> n;
            case LOG_ONLY -> 0;
        };
        // The RIR rule is about corroborating remotes, so it needs at least two of them to mean anything.
        int requiredRirs = switch (policy.mode()) {
            case BR -> n >= 2 ? policy.minRirs() : 0;
            case ALL, LOG_ONLY -> 0;
        };
        ValidationProblem problem = primary;
        if (problem == null && (passed < required || rirs.size() < requiredRirs)) {
            problem = remotes.stream().filter(r -> !r.passed()).findFirst()
                    .map(r -> r.problem().prefixed(SECONDARY))
                    .orElseGet(() -> tooFewRirs(passed, rirs, requiredRirs));
        }
        return new Decision(n, passed, required, Set.copyOf(rirs), requiredRirs, problem);
    }

    /** Every remote passed, but from too few RIRs; Boulder treats this as an internal error. */
    private static ValidationProblem tooFewRirs(int passed, Set<String> rirs, int requiredRirs) {
        return new ValidationProblem(ProblemKind.SERVER_INTERNAL, SECONDARY + passed
                + " remote perspectives passed, but from " + rirs.size() + " RIR" + (rirs.size() == 1 ? "" : "s")
                + " " + rirs + "; at least " + requiredRirs + " are required");
    }
}
