package dev.vantage.server.model;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An issued certificate with its chains as served (RFC 8555 §7.4.2): {@code pemChains.get(0)} is
 * the default chain, the others are alternates (§7.4.2, {@code Link: rel="alternate"}).
 *
 * @param revocation null while not revoked
 */
public record Certificate(CertificateId id, AccountId account, OrderId order, X509Certificate leaf,
                          List<String> pemChains, Instant issuedAt, Revocation revocation) implements Owned {

    public Certificate {
        pemChains = List.copyOf(pemChains);
    }

    public Certificate revoked(Revocation r) {
        return new Certificate(id, account, order, leaf, pemChains, issuedAt, r);
    }

    /** The leaf's serial number, which identifies it for revocation and status (RFC 5280 §4.1.2.2). */
    public BigInteger serial() {
        return leaf.getSerialNumber();
    }

    /** The serial as lower-case hex, as Pebble's management API and ARI use it. */
    public String serialHex() {
        return serial().toString(16);
    }
}
