package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "ecdsa" -> ECDSA_P256;
            case "rsa" -> RSA_2048;
            default -> EnumIds.of(values(), KeyAlgorithm::id, "key algorithm", text);
        };
    }
}
