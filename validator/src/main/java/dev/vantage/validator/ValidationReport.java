package dev.vantage.validator;

import java.util.List;

/**
 * The outcome of one validation: every perspective's result (none dropped; the primary first) and
 * the verdict. When the verdict is a failure, {@code problem} is the single problem the client
 * sees, shaped as Let's Encrypt shapes it.
 *
 * @param subproblems one problem per failed perspective, its detail naming the perspective, when
 *                    the perspectives settings ask for subproblems (RFC 8555 §6.7.1); else empty
 */
public record ValidationReport(ValidationRequest request, List<PerspectiveResult> perspectives,
                               ValidationProblem problem, List<ValidationProblem> subproblems) {

    public ValidationReport {
        perspectives = List.copyOf(perspectives);
        subproblems = subproblems == null ? List.of() : List.copyOf(subproblems);
    }

    /** A report without subproblems. */
    public ValidationReport(ValidationRequest request, List<PerspectiveResult> perspectives, ValidationProblem problem) {
        this(request, perspectives, problem, List.of());
    }

    public boolean valid() {
        return problem == null;
    }
}
