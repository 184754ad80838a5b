package dev.vantage.server.problem;

/**
 * Thrown for anything the client did wrong; the HTTP layer answers with the problem document.
 * Anything else that escapes a handler becomes {@code serverInternal} with a generic detail.
 */
public final class AcmeProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public AcmeProblemException(Problem problem) {
        super(problem.type().code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public AcmeProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public static AcmeProblemException malformed(String detail) {
        return new AcmeProblemException(ProblemType.MALFORMED, detail);
    }

    public static AcmeProblemException unauthorized(String detail) {
        return new AcmeProblemException(ProblemType.UNAUTHORIZED, detail);
    }
}
