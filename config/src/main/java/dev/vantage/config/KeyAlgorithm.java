package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Key types for the CA's own keys (roots and intermediates). */
public enum KeyAlgorithm {
    ECDSA_P256("ecdsa-p256"),
    ECDSA_P384("ecdsa-p384"),
    RSA_2048("rsa-2048"),
    RSA_3072("rsa-3072");

    private final String id;

    KeyAlgorithm(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Reads {@code ecdsa-p256}, {@code rsa-2048}, …; also Pebble's {@code ecdsa} and {@code rsa}. */
    @JsonCreator
    public static KeyAlgorithm of(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("ecdsa")) {
            return ECDSA_P256;
        }
        if (t.equals("rsa")) {
            return RSA_2048;
        }
        return Arrays.stream(values()).filter(k -> k.id.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key algorithm \"" + text + "\", expected one of "
                        + Arrays.stream(values()).map(KeyAlgorithm::id).collect(Collectors.joining(", "))));
    }
}
