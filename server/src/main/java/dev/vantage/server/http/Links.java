package dev.vantage.server.http;

import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.CertificateId;
import dev.vantage.server.model.OrderId;
import dev.vantage.validator.ChallengeType;
import java.util.Optional;

/**
 * Every ACME URL, rendered and parsed in one place. The base is the origin the client used
 * (scheme and Host header), so a client that reaches the server as {@code 127.0.0.1} or as
 * {@code localhost} gets URLs it can use, and the JWS {@code url} check (RFC 8555 §6.4) compares
 * against the same strings the server handed out.
 */
final class Links {
    static final String DIRECTORY = "/dir";
    static final String NEW_NONCE = "/new-nonce";
    static final String NEW_ACCOUNT = "/new-account";
    static final String NEW_ORDER = "/new-order";
    static final String REVOKE_CERT = "/revoke-cert";
    static final String KEY_CHANGE = "/key-change";
    static final String ACCOUNT = "/acct/";
    static final String ORDER = "/order/";
    static final String AUTHZ = "/authz/";
    static final String CHALLENGE = "/chall/";
    static final String CERTIFICATE = "/cert/";

    private final String base;

    Links(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String directory() {
        return base + DIRECTORY;
    }

    String newNonce() {
        return base + NEW_NONCE;
    }

    String newAccount() {
        return base + NEW_ACCOUNT;
    }

    String newOrder() {
        return base + NEW_ORDER;
    }

    String revokeCert() {
        return base + REVOKE_CERT;
    }

    String keyChange() {
        return base + KEY_CHANGE;
    }

    String account(AccountId id) {
        return base + ACCOUNT + id.value();
    }

    String accountOrders(AccountId id) {
        return account(id) + "/orders";
    }

    String order(OrderId id) {
        return base + ORDER + id.value();
    }

    String finalizeOrder(OrderId id) {
        return order(id) + "/finalize";
    }

    String authorization(AuthzId id) {
        return base + AUTHZ + id.value();
    }

    String challenge(AuthzId id, ChallengeType type) {
        return base + CHALLENGE + id.value() + "/" + type.token();
    }

    /** Chain 0 is the default; others are alternates (RFC 8555 §7.4.2). */
    String certificate(CertificateId id, int chain) {
        return base + CERTIFICATE + id.value() + (chain == 0 ? "" : "/" + chain);
    }

    /** The account a {@code kid} names, if it is one of this server's account URLs. */
    Optional<AccountId> accountOf(String kid) {
        String prefix = base + ACCOUNT;
        if (!kid.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = kid.substring(prefix.length());
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(new AccountId(id));
    }
}
