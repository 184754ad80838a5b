package dev.vantage.server.jws;

import com.nimbusds.jose.jwk.JWK;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import java.text.ParseException;
import java.util.Map;

/** Keys that arrive as JSON members rather than in a JWS header (the key change's {@code oldKey}). */
public final class Jwks {
    private Jwks() {
    }

    /** The account key of a JWK given as a JSON object. */
    public static AccountKey accountKey(Map<String, Object> jwk) {
        try {
            return Keys.accountKey(JWK.parse(jwk));
        } catch (ParseException e) {
            throw AcmeProblemException.malformed("not a JWK: " + e.getMessage());
        }
    }
}
