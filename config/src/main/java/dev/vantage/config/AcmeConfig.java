package dev.vantage.config;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ACME listener and what the directory advertises.
 *
 * @param listenAddress     address the HTTPS listener binds to
 * @param port              14000 like Pebble; 0 picks a free port
 * @param trustFile         where the PEM of the TLS root (the issuer of the HTTPS certificate) is
 *                          written, so clients can trust the listener; empty writes nothing
 * @param termsOfService    {@code meta.termsOfService}; empty leaves it out
 * @param website           {@code meta.website}; empty leaves it out
 * @param externalAccountRequired {@code meta.externalAccountRequired}: newAccount must carry an
 *                          external account binding (RFC 8555 §7.3.4)
 * @param externalAccountMacKeys key identifier → base64url HMAC key, for external account binding
 * @param retryAfter        the {@code Retry-After} sent while a challenge is processing (RFC 8555 §7.5.1)
 * @param ordersPerPage     page size of an account's orders list (RFC 8555 §7.1.2.1)
 * @param domainBlocklist   DNS names this server refuses to issue for, with every name under them
 *                          ({@code rejectedIdentifier}); stored lower-case without a trailing dot
 * @param tlsCertificate    PEM file with the HTTPS listeners' certificate (first) and its chain;
 *                          empty generates a certificate and a TLS root of its own
 * @param tlsPrivateKey     PEM file with the key of {@code tlsCertificate} (PKCS#8, PKCS#1 RSA or
 *                          SEC1 EC); set both or neither
 */
public record AcmeConfig(
        String listenAddress,
        int port,
        String trustFile,
        String termsOfService,
        String website,
        boolean externalAccountRequired,
        Map<String, String> externalAccountMacKeys,
        Duration retryAfter,
        int ordersPerPage,
        List<String> domainBlocklist,
        String tlsCertificate,
        String tlsPrivateKey) {

    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public AcmeConfig {
        listenAddress = Check.ipLiteral("listenAddress", listenAddress);
        Check.port("port", port);
        trustFile = trustFile == null ? "" : trustFile;
        termsOfService = termsOfService == null ? "" : termsOfService;
        website = website == null ? "" : website;
        externalAccountMacKeys = externalAccountMacKeys == null ? Map.of() : Map.copyOf(externalAccountMacKeys);
        externalAccountMacKeys.forEach((kid, key) -> {
            try {
                if (Base64.getUrlDecoder().decode(key).length < 16) {
                    throw new ConfigException("externalAccountMacKeys." + kid, key, "an HMAC key needs at least 16 bytes");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException("externalAccountMacKeys." + kid, key, "must be base64url");
            }
        });
        if (externalAccountRequired && externalAccountMacKeys.isEmpty()) {
            throw new ConfigException("externalAccountRequired", true, "needs at least one key in externalAccountMacKeys");
        }
        Check.nonNegative("retryAfter", retryAfter);
        Check.range("ordersPerPage", ordersPerPage, 1, 10_000);
        domainBlocklist = domainBlocklist == null ? List.of()
                : domainBlocklist.stream().map(AcmeConfig::blockedName).distinct().toList();
        tlsCertificate = tlsCertificate == null ? "" : tlsCertificate.trim();
        tlsPrivateKey = tlsPrivateKey == null ? "" : tlsPrivateKey.trim();
        if (tlsCertificate.isEmpty() != tlsPrivateKey.isEmpty()) {
            String missing = tlsCertificate.isEmpty() ? "tlsCertificate" : "tlsPrivateKey";
            String given = tlsCertificate.isEmpty() ? tlsPrivateKey : tlsCertificate;
            throw new ConfigException(missing, "", "set tlsCertificate and tlsPrivateKey together (the other is \""
                    + given + "\")");
        }
    }

    /** A blocked name as it is compared: lower case, no trailing dot, no wildcard. */
    private static String blockedName(String name) {
        String n = Check.notBlank("domainBlocklist", name).trim().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        if (!DNS_NAME.matcher(n).matches()) {
            throw new ConfigException("domainBlocklist", name,
                    "must be a DNS name (letters, digits, hyphens and dots; names under it are blocked too)");
        }
        return n;
    }

    static AcmeConfig defaults() {
        return new AcmeConfig("127.0.0.1", 14000, "vantage-tls-ca.pem",
                "https://vantage.test/terms", "https://vantage.test", false, Map.of(), Duration.ofSeconds(3), 100,
                List.of(), "", "");
    }
}
