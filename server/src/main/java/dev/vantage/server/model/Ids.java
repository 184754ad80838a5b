package dev.vantage.server.model;

/** Marker for the typed identifiers of stored resources; the value is what appears in URLs. */
public sealed interface Ids permits AccountId, OrderId, AuthzId, CertificateId {
    String value();
}
