package dev.vantage.server.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import java.security.PublicKey;
import java.util.Set;

/** Account keys from JWKs: which key types are acceptable, and the RFC 7638 thumbprint. */
final class Keys {
    private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;

    private Keys() {
    }

    /** The account key a JWK stands for, or {@code badPublicKey} (RFC 8555 §6.7). */
    static AccountKey accountKey(JWK jwk) {
        if (jwk.isPrivate()) {
            throw AcmeProblemException.malformed("the jwk header must hold a public key, not a private one");
        }
        try {
            PublicKey publicKey = switch (jwk.getKeyType().getValue()) {
                case "RSA" -> rsa(jwk.toRSAKey());
                case "EC" -> ec(jwk.toECKey());
                default -> throw new AcmeProblemException(ProblemType.BAD_PUBLIC_KEY,
                        "key type " + jwk.getKeyType() + " is not supported; use RSA or EC (P-256, P-384, P-521)");
            };
            return new AccountKey(jwk.computeThumbprint().toString(), publicKey, jwk.toPublicJWK().toJSONObject());
        } catch (JOSEException e) {
            throw new AcmeProblemException(ProblemType.BAD_PUBLIC_KEY, "the JWK is not a usable key: " + e.getMessage());
        }
    }

    private static PublicKey rsa(RSAKey key) throws JOSEException {
        int bits = key.size();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new AcmeProblemException(ProblemType.BAD_PUBLIC_KEY,
                    "RSA keys must have 2048 to 8192 bits; this one has " + bits);
        }
        return key.toPublicKey();
    }

    private static PublicKey ec(ECKey key) throws JOSEException {
        if (!CURVES.contains(key.getCurve())) {
            throw new AcmeProblemException(ProblemType.BAD_PUBLIC_KEY,
                    "EC keys must use P-256, P-384 or P-521; this one uses " + key.getCurve());
        }
        return key.toPublicKey();
    }
}
