package dev.vantage.server.service;

import dev.vantage.config.VantageConfig;
import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.jws.Nonces;
import dev.vantage.server.store.AuthzReusePolicy;
import dev.vantage.server.store.InMemoryStore;
import dev.vantage.server.store.Store;
import dev.vantage.server.time.AdjustableClock;
import dev.vantage.validator.Validator;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/** Everything behind the ACME and management front ends, wired once by {@code VantageServer}. */
public record Services(Store store, AdjustableClock clock, Profiles profiles, AuthzReusePolicy reuse,
                       AccountService accounts, OrderService orders, AuthorizationService authorizations,
                       ChallengeService challenges, FinalizeService finalizer, CertificateService certificates,
                       ValidationHistory history, AuthorizationCache cache, Nonces nonces) {

    /**
     * Wires the services by hand (no container): one in-memory store, one clock, {@code random}
     * for ids, tokens and nonces, {@code chaos} (seeded) for deliberate randomness, validations on {@code workers}.
     */
    public static Services assemble(VantageConfig c, AdjustableClock clock, SecureRandom random, Random chaos,
                                    Validator validator, ExecutorService workers, CertificateAuthority ca) {
        InMemoryStore store = new InMemoryStore(random);
        Profiles profiles = new Profiles(c.profiles(), c.defaultProfile());
        AuthzReusePolicy reuse = new AuthzReusePolicy(c.reuse(), chaos);
        ValidationHistory history = new ValidationHistory();
        OrderService orders = new OrderService(store, clock, profiles, reuse, random, c.acme().domainBlocklist());
        return new Services(store, clock, profiles, reuse,
                new AccountService(store, clock, c.acme()),
                orders,
                new AuthorizationService(store, clock),
                new ChallengeService(store, clock, profiles, validator, workers, history),
                new FinalizeService(store, clock, profiles, orders, ca, validator, c.validation().caaRecheckAfter()),
                new CertificateService(store, clock),
                history,
                new AuthorizationCache(store, clock, profiles, reuse),
                new Nonces(random, chaos, c.faults().nonceRejectPercent()));
    }
}
