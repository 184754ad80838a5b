package dev.vantage.server.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * External account binding (RFC 8555 §7.3.4): a JWS over the new account's key, MACed with a key
 * the CA handed out beforehand, proving the account belongs to an external account.
 */
public final class ExternalAccountBinding {
    private static final Set<JWSAlgorithm> MAC_ALGORITHMS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
            JWSAlgorithm.HS512);

    private ExternalAccountBinding() {
    }

    /**
     * Verifies the binding and returns its key identifier.
     *
     * @param binding    the {@code externalAccountBinding} member of the newAccount payload: a flattened JWS
     * @param macKeys    key identifier → base64url MAC key
     * @param accountKey the key of the outer JWS, which the binding must sign
     * @param url        the newAccount URL, which the binding's {@code url} must equal
     */
    public static String verify(Map<String, Object> binding, Map<String, String> macKeys, AccountKey accountKey,
                                String url) {
        JWSObject jws = parse(binding);
        String kid = jws.getHeader().getKeyID();
        if (!MAC_ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
            throw AcmeProblemException.malformed("externalAccountBinding must use HS256, HS384 or HS512");
        }
        if (kid == null || !macKeys.containsKey(kid)) {
            throw unauthorized("externalAccountBinding names an unknown key identifier \"" + kid + "\"");
        }
        if (!url.equals(jws.getHeader().getCustomParam("url"))) {
            throw unauthorized("externalAccountBinding \"url\" must be the newAccount URL " + url);
        }
        if (jws.getHeader().getCustomParam("nonce") != null) {
            throw AcmeProblemException.malformed("externalAccountBinding must not have a \"nonce\"");
        }
        try {
            if (!jws.verify(new MACVerifier(new Base64URL(macKeys.get(kid)).decode()))) {
                throw unauthorized("externalAccountBinding signature does not verify with the MAC key of " + kid);
            }
            JWK bound = JWK.parse(jws.getPayload().toString());
            if (!bound.computeThumbprint().toString().equals(accountKey.thumbprint())) {
                throw unauthorized("externalAccountBinding signs a different key than the account's");
            }
        } catch (JOSEException | ParseException e) {
            throw AcmeProblemException.malformed("externalAccountBinding is invalid: " + e.getMessage());
        }
        return kid;
    }

    private static JWSObject parse(Map<String, Object> binding) {
        try {
            return new JWSObject(new Base64URL(String.valueOf(binding.get("protected"))),
                    new Base64URL(String.valueOf(binding.get("payload"))),
                    new Base64URL(String.valueOf(binding.get("signature"))));
        } catch (ParseException | RuntimeException e) {
            throw AcmeProblemException.malformed("externalAccountBinding is not a flattened JWS");
        }
    }

    private static AcmeProblemException unauthorized(String detail) {
        return new AcmeProblemException(ProblemType.UNAUTHORIZED, detail);
    }
}
