package dev.vantage.server.problem;

/**
 * Thrown for anything the client did wrong; the HTTP layer answers with the problem document.
 * Anything else that escapes a handler becomes {@code serverInternal} with a generic detail.
 */
public final class AcmeProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final int status;
    private final String location;

    public AcmeProblemException(Problem problem) {
        this(problem, problem.status());
    }

    /** A problem answered with another status than its type's usual one (404 for unknown resources, 409 for conflicts). */
    public AcmeProblemException(Problem problem, int status) {
        this(problem, status, null);
    }

    private AcmeProblemException(Problem problem, int status, String location) {
        super(problem.type().code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.status = status;
        this.location = location;
    }

    /** The same problem answered with a {@code Location} header (RFC 8555 §7.3.5: the account holding a key). */
    public AcmeProblemException withLocation(String url) {
        return new AcmeProblemException(problem, status, url);
    }

    /** The {@code Location} to send with the problem, or null. */
    public String location() {
        return location;
    }

    public AcmeProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return status;
    }

    public static AcmeProblemException malformed(String detail) {
        return new AcmeProblemException(ProblemType.MALFORMED, detail);
    }

    public static AcmeProblemException unauthorized(String detail) {
        return new AcmeProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    /** An unknown resource: {@code malformed} with 404, as Boulder answers. */
    public static AcmeProblemException notFound(String what) {
        return new AcmeProblemException(Problem.of(ProblemType.MALFORMED, what + " not found"), 404);
    }
}
