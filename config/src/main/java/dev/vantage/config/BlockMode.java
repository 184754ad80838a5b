package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a firewall turns a connection away, and so what the validating side sees. */
public enum BlockMode {
    /** Packets are silently discarded: the connection attempt times out. */
    DROP("drop"),
    /** The target answers with a reset (TCP) or port unreachable (UDP): the connection is refused. */
    REJECT("reject");

    private final String id;

    BlockMode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static BlockMode of(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown block mode \"" + text + "\", expected one of "
                        + Arrays.stream(values()).map(BlockMode::id).collect(Collectors.joining(", "))));
    }
}
