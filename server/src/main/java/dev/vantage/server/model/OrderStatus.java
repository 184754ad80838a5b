package dev.vantage.server.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** RFC 8555 §7.1.6 order states, derived rather than stored. */
public enum OrderStatus {
    PENDING, READY, PROCESSING, VALID, INVALID;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status of {@code order} now. An issued certificate makes it valid for good; a failed
     * finalization or its own expiry makes it invalid; a finalization under way makes it
     * processing; any authorization that can no longer become valid (invalid, deactivated,
     * expired, revoked) makes it invalid; all authorizations valid make it ready; otherwise it is
     * pending.
     */
    public static OrderStatus of(Order order, List<Authorization> authzs, Instant now) {
        if (order.certificate() != null) {
            return VALID;
        }
        if (order.error() != null || !now.isBefore(order.expires())) {
            return INVALID;
        }
        if (order.finalizing()) {
            return PROCESSING;
        }
        boolean allValid = true;
        for (Authorization a : authzs) {
            switch (AuthzStatus.of(a, now)) {
                case VALID -> { }
                case PENDING -> allValid = false;
                default -> {
                    return INVALID;
                }
            }
        }
        return allValid ? READY : PENDING;
    }
}
