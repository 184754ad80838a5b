package dev.vantage.validator;

/**
 * What one check at one perspective found.
 *
 * @param targetAddress the address connected to, empty when no connection was made
 * @param port          the port connected to, 0 when none was
 * @param problem       null when the check passed
 */
record CheckOutcome(String targetAddress, int port, ValidationProblem problem) {

    static CheckOutcome passed() {
        return new CheckOutcome("", 0, null);
    }

    static CheckOutcome passed(String targetAddress, int port) {
        return new CheckOutcome(targetAddress, port, null);
    }

    static CheckOutcome failed(ValidationProblem problem) {
        return new CheckOutcome("", 0, problem);
    }

    static CheckOutcome failed(String targetAddress, int port, ValidationProblem problem) {
        return new CheckOutcome(targetAddress, port, problem);
    }

    static CheckOutcome failed(ProblemKind kind, String detail) {
        return failed(new ValidationProblem(kind, detail));
    }
}
