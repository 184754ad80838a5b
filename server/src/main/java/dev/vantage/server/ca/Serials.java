package dev.vantage.server.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate serial numbers: 128 random bits behind a fixed {@code 0x01} byte, so every serial
 * is positive, exactly 17 octets long (RFC 5280 §4.1.2.2 allows up to 20) and carries far more
 * than the 64 bits of CSPRNG output BR §7.1 asks for. Uniqueness per issuer is enforced, not
 * just expected.
 */
final class Serials {
    private static final int RANDOM_BYTES = 16;

    private final SecureRandom random;
    private final Set<BigInteger> used = ConcurrentHashMap.newKeySet();

    Serials(SecureRandom random) {
        this.random = random;
    }

    BigInteger next() {
        while (true) {
            byte[] bytes = new byte[RANDOM_BYTES + 1];
            random.nextBytes(bytes);
            bytes[0] = 0x01;
            BigInteger serial = new BigInteger(bytes);
            if (used.add(serial)) {
                return serial;
            }
        }
    }
}
