package dev.vantage.server.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** Unguessable URL-safe ids (RFC 8555 §10.5: resource URLs should not be predictable), plus a creation sequence. */
final class IdGenerator {
    private final SecureRandom random;
    private final AtomicLong sequence = new AtomicLong();

    IdGenerator(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    long sequence() {
        return sequence.incrementAndGet();
    }
}
