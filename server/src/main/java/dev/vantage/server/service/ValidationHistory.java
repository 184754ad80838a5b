package dev.vantage.server.service;

import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.AuthzId;
import dev.vantage.validator.ChallengeType;
import dev.vantage.validator.Identifier;
import dev.vantage.validator.ValidationReport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every validation attempt with every perspective's result, newest last, bounded. This is how a
 * tester proves that no validation happened (the authorization was reused) or sees which vantage
 * point was blocked.
 */
public final class ValidationHistory {
    private static final int LIMIT = 10_000;
    private final Deque<Attempt> attempts = new ArrayDeque<>();

    /** One validation of one challenge. */
    public record Attempt(Instant at, AuthzId authorization, AccountId account, Identifier identifier,
                          ChallengeType challenge, ValidationReport report) {
    }

    synchronized void add(Attempt attempt) {
        attempts.addLast(attempt);
        if (attempts.size() > LIMIT) {
            attempts.removeFirst();
        }
    }

    /** Attempts matching {@code filter}, oldest first. */
    public synchronized List<Attempt> find(Predicate<Attempt> filter) {
        return attempts.stream().filter(filter).toList();
    }

    public synchronized void clear() {
        attempts.clear();
    }
}
