package dev.vantage.server.ca;

import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.validator.Identifier;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Checks a finalize request's CSR against its order (RFC 8555 §7.4) the way Let's Encrypt does,
 * refusing anything else with a {@code badCSR} problem whose detail says what is wrong.
 */
public final class CsrPolicy {
    /** Boulder's limit on names per certificate. */
    static final int MAX_NAMES = 100;
    /** The RSA sizes Let's Encrypt accepts. */
    private static final Set<Integer> RSA_BITS = Set.of(2048, 3072, 4096);
    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1);
    /** SHA-2 with RSA PKCS#1 v1.5 or ECDSA only: SHA-1 and MD5 CSR signatures are refused, as by Boulder. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

    private CsrPolicy() {
    }

    /**
     * Accepts the CSR for the order or throws.
     *
     * @param der              the DER-encoded PKCS#10 request (the finalize payload's {@code csr},
     *                         already base64url-decoded)
     * @param orderIdentifiers the order's identifiers; the CSR must name exactly these
     * @param accountKey       the key of the account finalizing; null skips the reuse check
     * @return the accepted CSR, its names spelled as the order spells them
     * @throws AcmeProblemException of type {@code badCSR}
     */
    public static Csr check(byte[] der, List<Identifier> orderIdentifiers, PublicKey accountKey) {
        JcaPKCS10CertificationRequest request = parse(der);
        PublicKey key = checkKey(request);
        checkSignature(request, key);
        if (accountKey != null && Keys.same(key, accountKey)) {
            // One key, one purpose: the key that signs ACME requests should not also authenticate a TLS server (Boulder refuses this too).
            throw bad("CSR contains the public key of the account that is finalizing; the certificate key must differ from the account key");
        }
        CsrNames names = CsrNames.read(request);
        return new Csr(key, match(names, orderIdentifiers), names.commonName());
    }

    static AcmeProblemException bad(String detail) {
        return new AcmeProblemException(ProblemType.BAD_CSR, detail);
    }

    private static JcaPKCS10CertificationRequest parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw bad("CSR is empty");
        }
        try {
            return new JcaPKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw bad("CSR cannot be parsed as a DER-encoded PKCS#10 request: " + e.getMessage());
        }
    }

    /** RSA of 2048, 3072 or 4096 bits, or ECDSA on P-256 or P-384 (BR §6.1.5). */
    private static PublicKey checkKey(JcaPKCS10CertificationRequest request) {
        AlgorithmIdentifier algorithm = request.getSubjectPublicKeyInfo().getAlgorithm();
        ASN1ObjectIdentifier type = algorithm.getAlgorithm();
        if (type.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            PublicKey key = decode(request);
            int bits = ((RSAPublicKey) key).getModulus().bitLength();
            if (!RSA_BITS.contains(bits)) {
                throw bad("CSR has an RSA key of " + bits + " bits; only 2048, 3072 and 4096 bits are accepted");
            }
            return key;
        }
        if (type.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable curve = algorithm.getParameters();
            if (!(curve instanceof ASN1ObjectIdentifier named) || !CURVES.contains(named)) {
                throw bad("CSR has an ECDSA key on " + curveName(curve) + "; only P-256 and P-384 are accepted");
            }
            return decode(request);
        }
        throw bad("CSR has a key of type " + new DefaultAlgorithmNameFinder().getAlgorithmName(type)
                + "; only RSA and ECDSA keys are accepted");
    }

    private static String curveName(ASN1Encodable curve) {
        if (curve instanceof ASN1ObjectIdentifier oid) {
            String name = ECNamedCurveTable.getName(oid);
            return "curve " + (name == null ? oid.getId() : name);
        }
        return "a curve given by explicit parameters";
    }

    private static PublicKey decode(JcaPKCS10CertificationRequest request) {
        try {
            return request.getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw bad("CSR public key cannot be decoded: " + e.getMessage());
        }
    }

    /** The request is signed with its own key (RFC 2986 §3: proof of possession). */
    private static void checkSignature(JcaPKCS10CertificationRequest request, PublicKey key) {
        ASN1ObjectIdentifier algorithm = request.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
            throw bad("CSR is signed with " + new DefaultAlgorithmNameFinder().getAlgorithmName(algorithm)
                    + "; only SHA-256, SHA-384 or SHA-512 with RSA or ECDSA are accepted");
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw bad("CSR signature does not verify with the CSR's public key");
        }
    }

    /**
     * The CSR must name exactly the order's identifiers (RFC 8555 §7.4), counting its common name
     * as one of its names; the result spells them as the order does, in the CSR's order.
     */
    private static List<Identifier> match(CsrNames csr, List<Identifier> orderIdentifiers) {
        if (csr.names().size() > MAX_NAMES) {
            throw bad("CSR contains " + csr.names().size() + " names; at most " + MAX_NAMES + " are allowed");
        }
        Map<Identifier, Identifier> order = new LinkedHashMap<>();
        orderIdentifiers.forEach(id -> order.putIfAbsent(CsrNames.canonical(id), id));
        csr.commonName().ifPresent(cn -> checkCommonName(cn, csr, order));
        Set<Identifier> missing = new LinkedHashSet<>(order.keySet());
        missing.removeAll(csr.names());
        Set<Identifier> extra = new LinkedHashSet<>(csr.names());
        extra.removeAll(order.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder detail = new StringBuilder("CSR names do not match the order's identifiers:");
            if (!missing.isEmpty()) {
                detail.append(" missing ").append(CsrNames.list(missing, order::get));
            }
            if (!extra.isEmpty()) {
                detail.append(missing.isEmpty() ? "" : ";").append(" extra ").append(CsrNames.list(extra, id -> id));
            }
            throw bad(detail.toString());
        }
        return csr.names().stream().map(order::get).toList();
    }

    /** RFC 5280 Appendix A: ub-common-name is 64; BR §7.1.4.3: the common name must be one of the names. */
    private static void checkCommonName(String commonName, CsrNames csr, Map<Identifier, Identifier> order) {
        if (commonName.length() > LeafNames.MAX_COMMON_NAME) {
            throw bad("CSR common name is " + commonName.length() + " characters long; at most "
                    + LeafNames.MAX_COMMON_NAME + " are allowed");
        }
        if (!csr.commonNameIdentifier().map(order::containsKey).orElse(true)) {
            throw bad("CSR common name \"" + commonName + "\" is not one of the order's identifiers");
        }
    }
}
