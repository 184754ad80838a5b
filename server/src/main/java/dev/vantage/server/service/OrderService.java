package dev.vantage.server.service;

import dev.vantage.config.ProfileConfig;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.model.Challenge;
import dev.vantage.server.model.ChallengeStatus;
import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderId;
import dev.vantage.server.model.OrderStatus;
import dev.vantage.server.store.AuthzReusePolicy;
import dev.vantage.server.store.Store;
import dev.vantage.validator.ChallengeType;
import dev.vantage.validator.Identifier;
import dev.vantage.validator.IdentifierType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Orders (RFC 8555 §7.4) and the authorizations they get: reused ones or fresh pending ones. */
public final class OrderService {
    private final Store store;
    private final Clock clock;
    private final Profiles profiles;
    private final AuthzReusePolicy reuse;
    private final SecureRandom random;
    private final List<String> domainBlocklist;

    /** @param domainBlocklist DNS names (and the names under them) refused at newOrder, as {@code acme.domainBlocklist} */
    public OrderService(Store store, Clock clock, Profiles profiles, AuthzReusePolicy reuse, SecureRandom random,
                        List<String> domainBlocklist) {
        this.store = store;
        this.clock = clock;
        this.profiles = profiles;
        this.reuse = reuse;
        this.random = random;
        this.domainBlocklist = List.copyOf(domainBlocklist);
    }

    /** What a newOrder request asks for. */
    public record NewOrder(List<RequestedIdentifier> identifiers, String profile) {
    }

    /** One identifier as the client sent it, not yet checked. */
    public record RequestedIdentifier(String type, String value) {
    }

    /**
     * Creates an order, or returns an identical pending or ready one of the same account
     * (Boulder's order reuse). Each identifier gets a reusable authorization if the policy finds
     * one, else a fresh pending one. An order whose authorizations are all reused is ready at once.
     */
    public Order newOrder(Account account, NewOrder request) {
        Profiles.Named profile = profiles.resolve(request.profile());
        List<Identifier> identifiers = IdentifierPolicy.check(request.identifiers(), profile.name(),
                profile.profile().identifierTypes(), domainBlocklist);
        Instant now = clock.instant();
        if (reuse.config().orders()) {
            Optional<Order> same = reusableOrder(account, profile.name(), identifiers, now);
            if (same.isPresent()) {
                return same.get();
            }
        }
        // One pass over the store for the whole order; the policy's candidates are narrowed from it.
        List<Authorization> mine = store.authorizations(a -> a.account().equals(account.id())
                && a.profile().equals(profile.name()));
        List<Authorization> authzs = new ArrayList<>();
        for (Identifier id : identifiers) {
            authzs.add(authorizationFor(account, profile, id, mine, now));
        }
        Instant expires = authzs.stream().map(Authorization::expires)
                .reduce(now.plus(profile.profile().orderLifetime()), (a, b) -> a.isBefore(b) ? a : b);
        List<AuthzId> ids = authzs.stream().map(Authorization::id).toList();
        return store.createOrder(id -> new Order(id, account.id(), profile.name(), identifiers, ids, now, expires,
                null, null, false));
    }

    private Optional<Order> reusableOrder(Account account, String profile, List<Identifier> identifiers, Instant now) {
        var wanted = new HashSet<>(identifiers);
        return store.orders(o -> o.account().equals(account.id()) && o.profile().equals(profile)
                        && new HashSet<>(o.identifiers()).equals(wanted))
                .stream()
                .filter(o -> {
                    OrderStatus s = status(o, now);
                    return s == OrderStatus.PENDING || s == OrderStatus.READY;
                })
                .reduce((first, second) -> second);
    }

    /** A reusable authorization among the account's ones under this profile ({@code mine}), or a fresh one. */
    private Authorization authorizationFor(Account account, Profiles.Named profile, Identifier id,
                                           List<Authorization> mine, Instant now) {
        Identifier base = id.withoutWildcard();
        boolean wildcard = id.isWildcard();
        List<Authorization> candidates = mine.stream()
                .filter(a -> a.identifier().equals(base) && a.wildcard() == wildcard)
                .toList();
        return reuse.choose(candidates, profile.profile(), now)
                .orElseGet(() -> createAuthorization(account, profile.name(), profile.profile(), base, wildcard, now));
    }

    private Authorization createAuthorization(Account account, String profileName, ProfileConfig profile,
                                              Identifier identifier, boolean wildcard, Instant now) {
        String token = token();
        List<Challenge> challenges = offered(identifier, wildcard).stream()
                .map(t -> new Challenge(t, token, ChallengeStatus.PENDING, null, null))
                .toList();
        return store.createAuthorization(id -> new Authorization(id, account.id(), profileName, identifier, wildcard,
                AuthzStatus.PENDING, now, now.plus(profile.pendingAuthzLifetime()), challenges, null, null));
    }

    /**
     * The challenges offered: wildcards only dns-01 (RFC 8555 §7.1.3), IP identifiers never dns-01
     * (RFC 8738 §7), DNS names all three.
     */
    static List<ChallengeType> offered(Identifier identifier, boolean wildcard) {
        if (wildcard) {
            return List.of(ChallengeType.DNS_01);
        }
        if (identifier.type() == IdentifierType.IP) {
            return List.of(ChallengeType.HTTP_01, ChallengeType.TLS_ALPN_01);
        }
        return List.of(ChallengeType.HTTP_01, ChallengeType.DNS_01, ChallengeType.TLS_ALPN_01);
    }

    /** An order of this account, or 404 (orders of other accounts are not revealed). */
    public Order order(Account account, OrderId id) {
        return Ownership.own(account, store.order(id), "order");
    }

    /** The order's authorizations, in the order's order. */
    public List<Authorization> authorizations(Order order) {
        return order.authorizations().stream().map(id -> store.authorization(id).orElseThrow()).toList();
    }

    /** The order's status now. */
    public OrderStatus status(Order order, Instant now) {
        return OrderStatus.of(order, authorizations(order), now);
    }

    /** A challenge token: 128 bits or more of entropy, base64url (RFC 8555 §8.1). */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
