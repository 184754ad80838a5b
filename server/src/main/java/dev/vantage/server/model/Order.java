package dev.vantage.server.model;

import dev.vantage.server.problem.Problem;
import dev.vantage.validator.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * An order (RFC 8555 §7.1.3). Its status is not stored: {@link OrderStatus#of} derives it from
 * the authorizations, the certificate, the error and the clock.
 *
 * @param certificate the issued certificate, or null
 * @param error       why finalization failed, or null
 */
public record Order(OrderId id, AccountId account, String profile, List<Identifier> identifiers,
                    List<AuthzId> authorizations, Instant createdAt, Instant expires,
                    CertificateId certificate, Problem error) {

    public Order {
        identifiers = List.copyOf(identifiers);
        authorizations = List.copyOf(authorizations);
    }

    public Order withCertificate(CertificateId issued) {
        return new Order(id, account, profile, identifiers, authorizations, createdAt, expires, issued, error);
    }

    public Order withError(Problem problem) {
        return new Order(id, account, profile, identifiers, authorizations, createdAt, expires, certificate, problem);
    }
}
