package dev.vantage.server.ca;

import dev.vantage.validator.Identifier;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate signing request that {@link CsrPolicy#check} accepted for an order.
 *
 * @param publicKey  the key the certificate will certify
 * @param names      the identifiers the CSR names (subject alternative names and common name),
 *                   each spelled as the order spells it, without duplicates
 * @param commonName the subject common name as the CSR gives it, if it has one
 */
public record Csr(PublicKey publicKey, List<Identifier> names, Optional<String> commonName) {

    public Csr {
        Objects.requireNonNull(publicKey, "publicKey");
        names = List.copyOf(names);
        commonName = commonName == null ? Optional.empty() : commonName;
    }
}
