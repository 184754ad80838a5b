package dev.vantage.server.model;

import dev.vantage.validator.ChallengeType;
import dev.vantage.validator.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An authorization (RFC 8555 §7.1.4): one account's proof of control over one identifier, under
 * one profile. The identifier never carries {@code *.}; {@code wildcard} says whether it was
 * created for {@code *.<identifier>}, and the two are never interchangeable.
 *
 * @param status      the stored status; see {@link AuthzStatus#of} for the one clients see
 * @param createdAt   when it was created
 * @param validatedAt when a challenge validated it, or null
 * @param validatedBy which challenge type validated it, or null
 */
public record Authorization(AuthzId id, AccountId account, String profile, Identifier identifier, boolean wildcard,
                            AuthzStatus status, Instant createdAt, Instant expires, List<Challenge> challenges,
                            Instant validatedAt, ChallengeType validatedBy) implements Owned {

    public Authorization {
        challenges = List.copyOf(challenges);
        if (status == AuthzStatus.EXPIRED) {
            throw new IllegalArgumentException("expired is derived, never stored");
        }
    }

    /** The identifier the client asked for: {@code *.example.test} for a wildcard authorization. */
    public Identifier orderIdentifier() {
        return wildcard ? Identifier.dns("*." + identifier.value()) : identifier;
    }

    public Optional<Challenge> challenge(ChallengeType type) {
        return challenges.stream().filter(c -> c.type() == type).findFirst();
    }

    public Authorization withStatus(AuthzStatus newStatus) {
        return new Authorization(id, account, profile, identifier, wildcard, newStatus, createdAt, expires,
                challenges, validatedAt, validatedBy);
    }

    public Authorization withExpires(Instant newExpires) {
        return new Authorization(id, account, profile, identifier, wildcard, status, createdAt, newExpires,
                challenges, validatedAt, validatedBy);
    }

    /** This authorization with one challenge replaced. */
    public Authorization withChallenge(ChallengeType type, UnaryOperator<Challenge> change) {
        List<Challenge> updated = challenges.stream().map(c -> c.type() == type ? change.apply(c) : c).toList();
        return new Authorization(id, account, profile, identifier, wildcard, status, createdAt, expires,
                updated, validatedAt, validatedBy);
    }

    /** Valid through {@code type}: RFC 8555 §7.1.6, the authorization lives on for the reuse window. */
    public Authorization validated(ChallengeType type, Instant at, Instant newExpires) {
        Authorization a = withChallenge(type, c -> c.valid(at));
        return new Authorization(id, account, profile, identifier, wildcard, AuthzStatus.VALID, createdAt, newExpires,
                a.challenges, at, type);
    }
}
