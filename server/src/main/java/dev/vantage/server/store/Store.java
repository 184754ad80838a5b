package dev.vantage.server.store;

import dev.vantage.server.model.Account;
import dev.vantage.server.model.AccountId;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.Certificate;
import dev.vantage.server.model.CertificateId;
import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderId;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Where ACME resources live. Records are immutable; every change is one atomic update of one
 * resource, so concurrent requests and validations never see half a change. Cross references
 * are ids.
 */
public interface Store {

    /**
     * Creates an account for {@code key} unless one exists; {@code created} is false when the key
     * already had an account (RFC 8555 §7.3.1: answer 200 with its Location).
     */
    Created<Account> createAccount(AccountKey key, Function<AccountId, Account> factory);

    Optional<Account> account(AccountId id);

    Optional<Account> accountByKey(String thumbprint);

    Optional<Account> updateAccount(AccountId id, UnaryOperator<Account> change);

    /**
     * Moves an account to a new key atomically (RFC 8555 §7.3.5). Returns the account that
     * already holds {@code newKey} when it is taken, empty on success.
     */
    Optional<Account> changeKey(AccountId id, AccountKey newKey);

    Order createOrder(Function<OrderId, Order> factory);

    Optional<Order> order(OrderId id);

    Optional<Order> updateOrder(OrderId id, UnaryOperator<Order> change);

    /** Orders matching {@code filter}, oldest first. */
    List<Order> orders(Predicate<Order> filter);

    Authorization createAuthorization(Function<AuthzId, Authorization> factory);

    Optional<Authorization> authorization(AuthzId id);

    Optional<Authorization> updateAuthorization(AuthzId id, UnaryOperator<Authorization> change);

    /** Authorizations matching {@code filter}, oldest first. */
    List<Authorization> authorizations(Predicate<Authorization> filter);

    Certificate createCertificate(Function<CertificateId, Certificate> factory);

    Optional<Certificate> certificate(CertificateId id);

    Optional<Certificate> certificateBySerial(BigInteger serial);

    Optional<Certificate> updateCertificate(CertificateId id, UnaryOperator<Certificate> change);

    List<Certificate> certificates(Predicate<Certificate> filter);

    /** Forgets every account, order, authorization and certificate. */
    void clear();

    /** A value and whether this call created it. */
    record Created<T>(T value, boolean created) {
    }
}
