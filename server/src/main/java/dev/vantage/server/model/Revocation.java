package dev.vantage.server.model;

import java.time.Instant;

/** When and why a certificate was revoked; {@code reason} is an RFC 5280 §5.3.1 CRLReason code. */
public record Revocation(Instant at, int reason) {
}
