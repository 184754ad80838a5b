package dev.vantage.server.management;

import dev.vantage.config.Durations;
import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.model.Challenge;
import dev.vantage.server.service.AuthorizationCache;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The authorization cache: {@code GET /authorizations} (filters {@code account},
 * {@code identifier}, {@code status}, {@code profile}), {@code GET /authorizations/{id}},
 * {@code POST /authorizations/{id}/deactivate}, {@code POST /authorizations/{id}/expire},
 * {@code POST /authorizations/flush} (same filters, in the query or the body).
 * {@code reusableFor} is an ISO-8601 duration: how much longer a new order would reuse it.
 */
final class AuthorizationRoutes {
    private final AuthorizationCache cache;

    AuthorizationRoutes(AuthorizationCache cache) {
        this.cache = cache;
    }

    record FilterBody(String account, String identifier, String status, String profile) {
    }

    record ChallengeView(String type, String status, Instant validated, Object error) {
    }

    record AuthorizationView(String id, String account, Map<String, String> identifier, boolean wildcard,
                             String profile, String status, Instant createdAt, Instant expires, String reusableFor,
                             String validatedBy, Instant validatedAt, List<ChallengeView> challenges) {
    }

    void register(ManagementApi.Routes routes) {
        routes.getJson("/authorizations", x -> cache.list(filter(x, null)).stream().map(AuthorizationRoutes::view).toList());
        routes.getJson("/authorizations/{id}", x -> view(entry(x)));
        routes.postJson("/authorizations/{id}/deactivate", x -> change(x, cache::deactivate));
        routes.postJson("/authorizations/{id}/expire", x -> change(x, cache::expire));
        routes.postJson("/authorizations/flush", x -> Map.of("flushed",
                cache.flush(filter(x, Exchanges.body(x, FilterBody.class)))));
    }

    /** Applies {@code change} to the authorization the path names; 409 when it was not pending or valid. */
    private Object change(HttpServerExchange x, Predicate<AuthzId> change) {
        AuthzId id = entry(x).authorization().id();
        boolean changed = change.test(id);
        var entry = cache.get(id).orElseThrow();
        if (!changed) {
            throw new Exchanges.BadRequest(409, "authorization " + id
                    + " is " + entry.status().token() + "; only pending or valid ones can change");
        }
        return view(entry);
    }

    /** The authorization the path names, or 404. */
    private AuthorizationCache.Entry entry(HttpServerExchange x) {
        String id = Exchanges.requiredParam(x, "id");
        return cache.get(new AuthzId(id)).orElseThrow(() -> new Exchanges.BadRequest(404, "no authorization " + id));
    }

    /** Query parameters win over body members; unknown status names are refused. */
    private static AuthorizationCache.Filter filter(HttpServerExchange x, FilterBody body) {
        FilterBody b = body == null ? new FilterBody(null, null, null, null) : body;
        String account = first(Exchanges.param(x, "account"), b.account());
        String status = first(Exchanges.param(x, "status"), b.status());
        AuthzStatus parsed = status == null ? null : AuthzStatus.fromToken(status);
        if (status != null && parsed == null) {
            throw new Exchanges.BadRequest("unknown status \"" + status
                    + "\"; use pending, valid, invalid, deactivated, expired or revoked");
        }
        if (account != null && account.contains("/")) {
            account = account.substring(account.lastIndexOf('/') + 1); // an account URL works as well as its id
        }
        return new AuthorizationCache.Filter(account == null ? null : new AccountId(account),
                first(Exchanges.param(x, "identifier"), b.identifier()), parsed,
                first(Exchanges.param(x, "profile"), b.profile()));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    static AuthorizationView view(AuthorizationCache.Entry e) {
        Authorization a = e.authorization();
        return new AuthorizationView(a.id().value(), a.account().value(),
                Map.of("type", a.identifier().type().token(), "value", a.identifier().value()), a.wildcard(),
                a.profile(), e.status().token(), a.createdAt(), a.expires(),
                Durations.iso(e.reusableFor()),
                a.validatedBy() == null ? null : a.validatedBy().token(), a.validatedAt(),
                a.challenges().stream().map(AuthorizationRoutes::challenge).toList());
    }

    private static ChallengeView challenge(Challenge c) {
        return new ChallengeView(c.type().token(), c.status().token(), c.validated(),
                c.error() == null ? null : Map.of("type", c.error().type().urn(), "detail", c.error().detail()));
    }
}
