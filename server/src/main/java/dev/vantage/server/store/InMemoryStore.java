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
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The store of a running Vantage: everything in memory, gone with the process (or {@link #clear()}). */
public final class InMemoryStore implements Store {
    private final Table<AccountId, Account> accounts;
    private final Table<OrderId, Order> orders;
    private final Table<AuthzId, Authorization> authzs;
    private final Table<CertificateId, Certificate> certificates;
    /** Key thumbprint → account: the one index that must agree with the accounts table. */
    private final ConcurrentHashMap<String, AccountId> accountsByKey = new ConcurrentHashMap<>();
    private final Object keyLock = new Object();

    public InMemoryStore(SecureRandom random) {
        IdGenerator ids = new IdGenerator(random);
        accounts = new Table<>(AccountId::new, ids);
        orders = new Table<>(OrderId::new, ids);
        authzs = new Table<>(AuthzId::new, ids);
        certificates = new Table<>(CertificateId::new, ids);
    }

    @Override
    public Created<Account> createAccount(AccountKey key, Function<AccountId, Account> factory) {
        synchronized (keyLock) {
            Optional<Account> existing = accountByKey(key.thumbprint());
            if (existing.isPresent()) {
                return new Created<>(existing.get(), false);
            }
            Account account = accounts.create(factory);
            accountsByKey.put(key.thumbprint(), account.id());
            return new Created<>(account, true);
        }
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return accounts.get(id);
    }

    @Override
    public Optional<Account> accountByKey(String thumbprint) {
        AccountId id = accountsByKey.get(thumbprint);
        return id == null ? Optional.empty() : accounts.get(id);
    }

    @Override
    public Optional<Account> updateAccount(AccountId id, UnaryOperator<Account> change) {
        return accounts.update(id, change);
    }

    @Override
    public Optional<Account> changeKey(AccountId id, AccountKey newKey) {
        synchronized (keyLock) {
            Optional<Account> holder = accountByKey(newKey.thumbprint());
            if (holder.isPresent()) {
                return holder;
            }
            accounts.update(id, a -> {
                accountsByKey.remove(a.key().thumbprint());
                accountsByKey.put(newKey.thumbprint(), id);
                return a.withKey(newKey);
            });
            return Optional.empty();
        }
    }

    @Override
    public Order createOrder(Function<OrderId, Order> factory) {
        return orders.create(factory);
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return orders.get(id);
    }

    @Override
    public Optional<Order> updateOrder(OrderId id, UnaryOperator<Order> change) {
        return orders.update(id, change);
    }

    @Override
    public List<Order> orders(Predicate<Order> filter) {
        return orders.filter(filter);
    }

    @Override
    public Authorization createAuthorization(Function<AuthzId, Authorization> factory) {
        return authzs.create(factory);
    }

    @Override
    public Optional<Authorization> authorization(AuthzId id) {
        return authzs.get(id);
    }

    @Override
    public Optional<Authorization> updateAuthorization(AuthzId id, UnaryOperator<Authorization> change) {
        return authzs.update(id, change);
    }

    @Override
    public List<Authorization> authorizations(Predicate<Authorization> filter) {
        return authzs.filter(filter);
    }

    @Override
    public Certificate createCertificate(Function<CertificateId, Certificate> factory) {
        return certificates.create(factory);
    }

    @Override
    public Optional<Certificate> certificate(CertificateId id) {
        return certificates.get(id);
    }

    @Override
    public Optional<Certificate> certificateBySerial(BigInteger serial) {
        return certificates.filter(c -> c.serial().equals(serial)).stream().findFirst();
    }

    @Override
    public Optional<Certificate> updateCertificate(CertificateId id, UnaryOperator<Certificate> change) {
        return certificates.update(id, change);
    }

    @Override
    public List<Certificate> certificates(Predicate<Certificate> filter) {
        return certificates.filter(filter);
    }

    @Override
    public void clear() {
        synchronized (keyLock) {
            accounts.clear();
            accountsByKey.clear();
            orders.clear();
            authzs.clear();
            certificates.clear();
        }
    }
}
