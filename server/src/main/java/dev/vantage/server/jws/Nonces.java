package dev.vantage.server.jws;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Anti-replay nonces (RFC 8555 §6.5): unguessable, single-use, remembered up to a bound so a
 * client that collects nonces cannot grow the server's memory. Optionally rejects a share of
 * valid nonces (Pebble's PEBBLE_WFE_NONCEREJECT) from a seeded source, so runs replay.
 */
public final class Nonces {
    private static final int OUTSTANDING_LIMIT = 100_000;

    private final SecureRandom random;
    private final Random chaos;
    private final Map<String, Boolean> outstanding = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > OUTSTANDING_LIMIT;
        }
    };
    private volatile int rejectPercent;

    public Nonces(SecureRandom random, Random chaos, int rejectPercent) {
        this.random = random;
        this.chaos = chaos;
        this.rejectPercent = rejectPercent;
    }

    /** A fresh nonce for a {@code Replay-Nonce} header. */
    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (outstanding) {
            outstanding.put(nonce, Boolean.TRUE);
        }
        return nonce;
    }

    /** True when {@code nonce} was issued here and not used before; it is used up either way. */
    public boolean consume(String nonce) {
        boolean known;
        synchronized (outstanding) {
            known = outstanding.remove(nonce) != null;
        }
        if (!known) {
            return false;
        }
        int percent = rejectPercent;
        if (percent == 0) {
            return true;
        }
        synchronized (chaos) {
            return chaos.nextInt(100) >= percent;
        }
    }

    /** Changes the share of valid nonces rejected on purpose (0 to 100). */
    public void rejectPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("nonceRejectPercent is a percentage, 0 to 100, not " + percent);
        }
        this.rejectPercent = percent;
    }

    public int rejectPercent() {
        return rejectPercent;
    }
}
