package dev.vantage.config;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

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
        int ordersPerPage) {

    public AcmeConfig {
        Check.ipLiteral("listenAddress", listenAddress);
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
    }

    static AcmeConfig defaults() {
        return new AcmeConfig("127.0.0.1", 14000, "vantage-tls-ca.pem",
                "https://vantage.test/terms", "https://vantage.test", false, Map.of(), Duration.ofSeconds(3), 100);
    }
}
