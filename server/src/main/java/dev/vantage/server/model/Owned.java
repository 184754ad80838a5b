package dev.vantage.server.model;

/** A resource that belongs to one account (orders, authorizations, certificates; RFC 8555 §7.1). */
public interface Owned {
    AccountId account();
}
