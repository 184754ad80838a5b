package dev.vantage.server.model;

import dev.vantage.server.problem.Problem;
import dev.vantage.validator.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * An order (RFC 8555 §7.1.3). Its status is not stored: {@link OrderStatus#of} derives it from
 * the authorizations, the certificate, the error, the finalization claim and the clock.
 *
 * @param certificate the issued certificate, or null
 * @param error       why finalization failed, or null
 * @param finalizing  a finalize request has claimed the order and is issuing (RFC 8555
 *                    §7.1.6 "processing"); a second one gets {@code orderNotReady}
 */
public record Order(OrderId id, AccountId account, String profile, List<Identifier> identifiers,
                    List<AuthzId> authorizations, Instant createdAt, Instant expires,
                    CertificateId certificate, Problem error, boolean finalizing) implements Owned {

    public Order {
        identifiers = List.copyOf(identifiers);
        authorizations = List.copyOf(authorizations);
    }

    /** Issued: valid for good, no longer finalizing. */
    public Order withCertificate(CertificateId issued) {
        return new Order(id, account, profile, identifiers, authorizations, createdAt, expires, issued, error, false);
    }

    /** Finalization failed: invalid for good. */
    public Order withError(Problem problem) {
        return new Order(id, account, profile, identifiers, authorizations, createdAt, expires, certificate, problem,
                false);
    }

    public Order withFinalizing(boolean claimed) {
        return new Order(id, account, profile, identifiers, authorizations, createdAt, expires, certificate, error,
                claimed);
    }
}
