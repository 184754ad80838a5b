package dev.vantage.server.model;

import java.time.Instant;
import java.util.List;

/**
 * An ACME account (RFC 8555 §7.1.2).
 *
 * @param externalAccountKeyId the key identifier of the external account binding, or null
 */
public record Account(AccountId id, AccountKey key, List<String> contact, AccountStatus status,
                      Instant createdAt, String externalAccountKeyId) {

    public Account {
        contact = List.copyOf(contact);
    }

    public Account withContact(List<String> newContact) {
        return new Account(id, key, newContact, status, createdAt, externalAccountKeyId);
    }

    public Account withStatus(AccountStatus newStatus) {
        return new Account(id, key, contact, newStatus, createdAt, externalAccountKeyId);
    }

    public Account withKey(AccountKey newKey) {
        return new Account(id, newKey, contact, status, createdAt, externalAccountKeyId);
    }
}
