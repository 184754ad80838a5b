package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How remote perspectives decide a validation that the primary passed. */
public enum QuorumMode {
    /**
     * CA/Browser Forum BR §3.2.2.9: at most the table's number of remote failures (2–5 remotes: 1;
     * 6 or more: 2), and the passing remotes span at least {@code minRirs} RIRs.
     */
    BR("br"),
    /** Every enabled remote must pass. */
    ALL("all"),
    /** Remotes are asked and recorded, but only the primary decides (BR 2025-03 "not yet blocking" phase). */
    LOG_ONLY("log-only");

    private final String id;

    QuorumMode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static QuorumMode of(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown quorum mode \"" + text + "\", expected one of "
                        + Arrays.stream(values()).map(QuorumMode::id).collect(Collectors.joining(", "))));
    }
}
