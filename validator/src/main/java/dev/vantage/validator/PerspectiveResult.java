package dev.vantage.validator;

import java.time.Duration;
import java.time.Instant;

/**
 * What one vantage point saw.
 *
 * @param perspective   the vantage point's name
 * @param primary       true for the CA's primary perspective
 * @param sourceAddress the (simulated) address the check came from
 * @param targetAddress the address connected to, or for a firewall block the one it would have
 *                      connected to; empty when DNS gave none
 * @param port          the port connected to; 0 for DNS-only checks
 * @param startedAt     when the check began (the server's clock)
 * @param took          how long it took
 * @param problem       null when the check passed
 */
public record PerspectiveResult(String perspective, boolean primary, String sourceAddress, String targetAddress,
                                int port, Instant startedAt, Duration took, ValidationProblem problem) {

    public boolean passed() {
        return problem == null;
    }
}
