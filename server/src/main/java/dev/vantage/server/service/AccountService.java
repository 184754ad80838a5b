package dev.vantage.server.service;

import dev.vantage.config.AcmeConfig;
import dev.vantage.server.jws.ExternalAccountBinding;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.model.AccountStatus;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.model.Order;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts (RFC 8555 §7.3): creation, lookup, contact update, deactivation, key change. */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,?]+@[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+");
    private static final int MAX_CONTACTS = 10;
    /** RFC 5321 §4.5.3.1.3 bounds a path at 256 octets; with "mailto:" that is plenty. */
    private static final int MAX_CONTACT_LENGTH = 320;

    private final Store store;
    private final Clock clock;
    private final AcmeConfig acme;

    public AccountService(Store store, Clock clock, AcmeConfig acme) {
        this.store = store;
        this.clock = clock;
        this.acme = acme;
    }

    /** What a newAccount request asks for (RFC 8555 §7.3). */
    public record NewAccount(List<String> contact, boolean termsOfServiceAgreed, boolean onlyReturnExisting,
                             Map<String, Object> externalAccountBinding) {
    }

    /**
     * Creates the account of {@code key}, or finds the existing one (then {@code created} is
     * false and nothing changes, RFC 8555 §7.3.1).
     */
    public Store.Created<Account> newAccount(AccountKey key, NewAccount request, String newAccountUrl) {
        Optional<Account> existing = store.accountByKey(key.thumbprint());
        if (existing.isPresent()) {
            return new Store.Created<>(usable(existing.get()), false);
        }
        if (request.onlyReturnExisting()) {
            throw new AcmeProblemException(ProblemType.ACCOUNT_DOES_NOT_EXIST, "no account exists with the provided key");
        }
        if (!acme.termsOfService().isEmpty() && !request.termsOfServiceAgreed()) {
            throw AcmeProblemException.malformed("the client must agree to the terms of service "
                    + acme.termsOfService() + " (termsOfServiceAgreed: true)");
        }
        List<String> contact = checkContacts(request.contact());
        String eabKid = externalAccountKeyId(key, request.externalAccountBinding(), newAccountUrl);
        return store.createAccount(key, id -> new Account(id, key, contact, AccountStatus.VALID, clock.instant(), eabKid));
    }

    private String externalAccountKeyId(AccountKey key, Map<String, Object> binding, String url) {
        if (binding == null) {
            if (acme.externalAccountRequired()) {
                throw new AcmeProblemException(ProblemType.EXTERNAL_ACCOUNT_REQUIRED,
                        "this server requires an external account binding (RFC 8555 §7.3.4)");
            }
            return null;
        }
        return ExternalAccountBinding.verify(binding, acme.externalAccountMacKeys(), key, url);
    }

    /** Updates contacts and/or deactivates (RFC 8555 §7.3.2, §7.3.6); nulls leave things as they are. */
    public Account update(Account account, List<String> contact, String status) {
        if (status != null && !status.equals(AccountStatus.DEACTIVATED.token())) {
            if (status.equals(account.status().token())) {
                status = null;
            } else {
                throw AcmeProblemException.malformed("an account's status can only be changed to \"deactivated\"");
            }
        }
        List<String> newContact = contact == null ? null : checkContacts(contact);
        Account updated = store.updateAccount(account.id(), a -> newContact == null ? a : a.withContact(newContact))
                .orElseThrow(() -> AcmeProblemException.notFound("account"));
        return status == null ? updated : deactivate(updated);
    }

    /**
     * §7.3.6: a deactivated account can do nothing more; its authorizations are deactivated too,
     * so they can never be reused.
     */
    private Account deactivate(Account account) {
        Account done = store.updateAccount(account.id(), a -> a.withStatus(AccountStatus.DEACTIVATED)).orElseThrow();
        var now = clock.instant();
        for (var authz : store.authorizations(a -> a.account().equals(account.id()))) {
            // Checked inside the update, so one that a validation made invalid meanwhile stays invalid.
            store.updateAuthorization(authz.id(),
                    a -> AuthzStatus.of(a, now).live() ? a.withStatus(AuthzStatus.DEACTIVATED) : a);
        }
        return done;
    }

    /**
     * Rolls the account over to {@code newKey} (RFC 8555 §7.3.5) after the caller verified both
     * signatures. {@code oldKey} must be the account's current key; a key held by another
     * account is a 409 conflict naming that account.
     */
    public Account changeKey(Account account, AccountKey oldKey, AccountKey newKey) {
        if (!oldKey.thumbprint().equals(account.key().thumbprint())) {
            throw unauthorized("\"oldKey\" is not the account's current key");
        }
        Optional<Account> holder = store.changeKey(account.id(), newKey);
        if (holder.isPresent()) {
            throw new KeyInUseException(holder.get());
        }
        return store.account(account.id()).orElseThrow();
    }

    /** The account's orders, oldest first (RFC 8555 §7.1.2.1). */
    public List<Order> orders(Account account) {
        return store.orders(o -> o.account().equals(account.id()));
    }

    /** A key-authenticated request may only act for a valid account (RFC 8555 §7.3.6). */
    public static Account usable(Account account) {
        if (account.status() != AccountStatus.VALID) {
            throw unauthorized("account is not valid: its status is \"" + account.status().token() + "\"");
        }
        return account;
    }

    private static List<String> checkContacts(List<String> contact) {
        if (contact == null) {
            return List.of();
        }
        if (contact.size() > MAX_CONTACTS) {
            throw new AcmeProblemException(ProblemType.INVALID_CONTACT, "at most " + MAX_CONTACTS + " contacts are allowed");
        }
        for (String c : contact) {
            if (c == null || !c.startsWith("mailto:")) {
                throw new AcmeProblemException(ProblemType.UNSUPPORTED_CONTACT,
                        "contact \"" + c + "\" is not supported; only mailto: URIs are");
            }
            if (c.length() > MAX_CONTACT_LENGTH || !EMAIL.matcher(c.substring("mailto:".length())).matches()) {
                throw new AcmeProblemException(ProblemType.INVALID_CONTACT,
                        "contact \"" + c + "\" is not a valid email address (one address, no query)");
            }
        }
        return List.copyOf(contact);
    }

    private static AcmeProblemException unauthorized(String detail) {
        return new AcmeProblemException(Problem.of(ProblemType.UNAUTHORIZED, detail));
    }

    /** The new key of a key change already belongs to {@link #holder()} (RFC 8555 §7.3.5: 409 with its Location). */
    public static final class KeyInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Account holder;

        KeyInUseException(Account holder) {
            super("key in use", null, false, false);
            this.holder = holder;
        }

        public Account holder() {
            return holder;
        }
    }
}
