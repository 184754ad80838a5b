package dev.vantage.server.model;

import dev.vantage.server.problem.Problem;
import dev.vantage.validator.ChallengeType;
import java.time.Instant;

/**
 * One challenge of an authorization (RFC 8555 §8). Its URL is the authorization's id plus the
 * type, since an authorization offers each type once.
 *
 * @param validated when it became valid, or null
 * @param error     why it became invalid, or null
 */
public record Challenge(ChallengeType type, String token, ChallengeStatus status, Instant validated, Problem error) {

    public Challenge processing() {
        return new Challenge(type, token, ChallengeStatus.PROCESSING, null, null);
    }

    public Challenge valid(Instant at) {
        return new Challenge(type, token, ChallengeStatus.VALID, at, null);
    }

    public Challenge invalid(Problem problem) {
        return new Challenge(type, token, ChallengeStatus.INVALID, null, problem);
    }
}
