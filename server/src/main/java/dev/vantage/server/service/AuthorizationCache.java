package dev.vantage.server.service;

import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.store.AuthzReusePolicy;
import dev.vantage.server.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The tester's view of authorizations, as the management API and the Java API expose it:
 * inspect what would be reused and for how long, and clear it — the controls a production CA
 * never gives. Every change is one atomic update per authorization.
 */
public final class AuthorizationCache {
    private final Store store;
    private final Clock clock;
    private final Profiles profiles;
    private final AuthzReusePolicy reuse;

    public AuthorizationCache(Store store, Clock clock, Profiles profiles, AuthzReusePolicy reuse) {
        this.store = store;
        this.clock = clock;
        this.profiles = profiles;
        this.reuse = reuse;
    }

    /**
     * Which authorizations to act on; null members match everything.
     *
     * @param identifier {@code example.test}, or {@code *.example.test} for wildcard authorizations
     */
    public record Filter(AccountId account, String identifier, AuthzStatus status, String profile) {
        public static final Filter ALL = new Filter(null, null, null, null);

        Predicate<Authorization> predicate(Instant now) {
            return a -> (account == null || a.account().equals(account))
                    && (identifier == null || a.orderIdentifier().value().equalsIgnoreCase(identifier))
                    && (status == null || AuthzStatus.of(a, now) == status)
                    && (profile == null || a.profile().equals(profile));
        }
    }

    /**
     * One authorization as a tester wants to see it.
     *
     * @param reusableFor how much longer a new order would get it instead of a fresh one (zero when never)
     */
    public record Entry(Authorization authorization, AuthzStatus status, Duration reusableFor) {
    }

    public List<Entry> list(Filter filter) {
        Instant now = clock.instant();
        return store.authorizations(filter.predicate(now)).stream().map(a -> entry(a, now)).toList();
    }

    public Optional<Entry> get(AuthzId id) {
        Instant now = clock.instant();
        return store.authorization(id).map(a -> entry(a, now));
    }

    /** Deactivates one authorization, as RFC 8555 §7.5.2 would; false when it was not pending or valid. */
    public boolean deactivate(AuthzId id) {
        return change(id, a -> a.withStatus(AuthzStatus.DEACTIVATED));
    }

    /** Makes one authorization expire now, as if its lifetime had run out; false when it was not pending or valid. */
    public boolean expire(AuthzId id) {
        Instant now = clock.instant();
        return change(id, a -> a.withExpires(now));
    }

    /**
     * Clears the cache: deactivates every valid authorization matching {@code filter}, so the
     * next order for those identifiers validates again. Pending ones are left alone (in-flight
     * orders keep working). Returns how many were cleared.
     */
    public int flush(Filter filter) {
        Instant now = clock.instant();
        Filter valid = new Filter(filter.account(), filter.identifier(), AuthzStatus.VALID, filter.profile());
        int n = 0;
        for (Authorization a : store.authorizations(valid.predicate(now))) {
            n += deactivate(a.id()) ? 1 : 0;
        }
        return n;
    }

    private boolean change(AuthzId id, UnaryOperator<Authorization> change) {
        boolean[] changed = {false};
        store.updateAuthorization(id, a -> {
            changed[0] = AuthzStatus.of(a, clock.instant()).live();
            return changed[0] ? change.apply(a) : a;
        });
        return changed[0];
    }

    private Entry entry(Authorization a, Instant now) {
        return new Entry(a, AuthzStatus.of(a, now), reuse.reusableFor(a, profiles.get(a.profile()), now));
    }
}
