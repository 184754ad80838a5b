package dev.vantage.server.service;

import dev.vantage.server.model.Account;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.store.Store;
import java.time.Clock;

/** Authorizations as clients see them (RFC 8555 §7.5): fetch and deactivate. */
public final class AuthorizationService {
    private final Store store;
    private final Clock clock;

    public AuthorizationService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An authorization of this account, or 404. */
    public Authorization get(Account account, AuthzId id) {
        return Ownership.own(account, store.authorization(id), "authorization");
    }

    /**
     * RFC 8555 §7.5.2: a pending or valid authorization becomes deactivated, so it is never
     * reused again and orders holding it become invalid. This is what certbot's {@code --dry-run}
     * and lego's {@code --always-deactivate-authorizations} do.
     */
    public Authorization deactivate(Account account, AuthzId id) {
        get(account, id);
        return store.updateAuthorization(id, a -> {
            AuthzStatus now = AuthzStatus.of(a, clock.instant());
            if (!now.live()) {
                throw AcmeProblemException.malformed("only a pending or valid authorization can be deactivated; this one is "
                        + now.token());
            }
            return a.withStatus(AuthzStatus.DEACTIVATED);
        }).orElseThrow();
    }
}
