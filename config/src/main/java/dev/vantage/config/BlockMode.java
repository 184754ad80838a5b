package dev.vantage.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
        return EnumIds.of(values(), BlockMode::id, "block mode", text);
    }
}
