package dev.vantage.validator;

/** A failed check: the kind and a detail text shaped like Let's Encrypt's. */
public record ValidationProblem(ProblemKind kind, String detail) {

    /** The same problem with a prefix on the detail, such as {@code During secondary validation: }. */
    public ValidationProblem prefixed(String prefix) {
        return new ValidationProblem(kind, prefix + detail);
    }
}
