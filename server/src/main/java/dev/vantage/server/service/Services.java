package dev.vantage.server.service;

import dev.vantage.server.jws.Nonces;
import dev.vantage.server.store.AuthzReusePolicy;
import dev.vantage.server.store.Store;
import dev.vantage.server.time.AdjustableClock;

/** Everything behind the ACME and management front ends, wired once by {@code VantageServer}. */
public record Services(Store store, AdjustableClock clock, Profiles profiles, AuthzReusePolicy reuse,
                       AccountService accounts, OrderService orders, AuthorizationService authorizations,
                       ChallengeService challenges, FinalizeService finalizer, CertificateService certificates,
                       ValidationHistory history, AuthorizationCache cache, Nonces nonces) {
}
