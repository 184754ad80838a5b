package dev.vantage.config;

import java.util.List;

/**
 * The certificate authority's own hierarchy. Certificate validity is a profile setting
 * ({@link ProfileConfig#certificateValidity()}), because Let's Encrypt varies it per profile.
 *
 * @param keyAlgorithm   key type of roots and intermediates
 * @param chainLength    intermediates between leaf and root, 1 or more (Pebble's PEBBLE_CHAIN_LENGTH)
 * @param alternateRoots extra root hierarchies offered as alternate chains (PEBBLE_ALTERNATE_ROOTS)
 * @param caaIdentities  the issuer domain names this CA recognises in CAA records (RFC 8659),
 *                       shown as {@code meta.caaIdentities}
 */
public record CaConfig(KeyAlgorithm keyAlgorithm, int chainLength, int alternateRoots, List<String> caaIdentities) {

    public CaConfig {
        if (keyAlgorithm == null) {
            throw new ConfigException("keyAlgorithm", null, "required (ecdsa-p256, ecdsa-p384, rsa-2048, rsa-3072)");
        }
        Check.range("chainLength", chainLength, 1, 8);
        Check.range("alternateRoots", alternateRoots, 0, 8);
        caaIdentities = caaIdentities == null ? List.of() : List.copyOf(caaIdentities);
        for (String id : caaIdentities) {
            Check.notBlank("caaIdentities", id);
        }
    }

    static CaConfig defaults() {
        return new CaConfig(KeyAlgorithm.ECDSA_P256, 1, 0, List.of("vantage.test"));
    }
}
