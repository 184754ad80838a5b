package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
        return EnumIds.of(values(), QuorumMode::id, "quorum mode", text);
    }
}
