package dev.vantage.validator;

import java.util.List;

/**
 * The outcome of one validation: every perspective's result (none dropped) and the verdict. When
 * the verdict is a failure, {@code problem} is the single problem the client sees.
 */
public record ValidationReport(ValidationRequest request, List<PerspectiveResult> perspectives,
                               ValidationProblem problem) {

    public ValidationReport {
        perspectives = List.copyOf(perspectives);
    }

    public boolean valid() {
        return problem == null;
    }
}
