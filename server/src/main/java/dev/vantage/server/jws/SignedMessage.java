package dev.vantage.server.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request body in ACME's JWS form (RFC 8555 §6.2), parsed but not yet trusted: the caller
 * resolves the key ({@link #embeddedKey()} or {@link #keyId()}) and then calls {@link #verify}.
 */
public final class SignedMessage {
    /** The algorithms accepted for account keys, as listed in {@code badSignatureAlgorithm} problems. */
    public static final List<String> ALGORITHMS = List.of("RS256", "ES256", "ES384", "ES512");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private final JWSObject jws;
    private final String alg;
    private final AccountKey embeddedKey;
    private final String keyId;
    private final String nonce;
    private final String url;

    private SignedMessage(JWSObject jws, String alg, AccountKey embeddedKey, String keyId, String nonce, String url) {
        this.jws = jws;
        this.alg = alg;
        this.embeddedKey = embeddedKey;
        this.keyId = keyId;
        this.nonce = nonce;
        this.url = url;
    }

    /**
     * Parses a flattened JWS JSON serialization. Compact and general serializations, unprotected
     * headers, unknown algorithms and a header with both or neither of {@code jwk} and {@code kid}
     * are refused with the problem RFC 8555 §6.2–6.3 calls for.
     */
    public static SignedMessage parse(String body) {
        SignedMessage m = parseAny(body);
        if (m.nonce == null || m.nonce.isEmpty()) {
            throw new AcmeProblemException(ProblemType.BAD_NONCE, "the JWS has no anti-replay nonce");
        }
        return m;
    }

    /**
     * Parses the inner JWS of a key change (RFC 8555 §7.3.5): signed by the new key, carried in
     * {@code jwk}, with the outer JWS's {@code url} and no {@code nonce}.
     */
    public static SignedMessage parseKeyChange(String body) {
        SignedMessage m = parseAny(body);
        if (m.embeddedKey == null) {
            throw AcmeProblemException.malformed("the inner JWS of a key change must carry the new key as \"jwk\"");
        }
        if (m.nonce != null) {
            throw AcmeProblemException.malformed("the inner JWS of a key change must not have a \"nonce\"");
        }
        return m;
    }

    private static SignedMessage parseAny(String body) {
        Map<String, Object> outer = jsonObject(body, "the request body is not a JSON object (ACME needs a flattened JWS)");
        if (outer.containsKey("signatures")) {
            throw AcmeProblemException.malformed("JWS must use the flattened JSON serialization, not the general one");
        }
        if (outer.containsKey("header")) {
            throw AcmeProblemException.malformed("JWS must not have an unprotected header (RFC 8555 §6.2)");
        }
        String protectedPart = member(outer, "protected");
        String payloadPart = member(outer, "payload");
        String signaturePart = member(outer, "signature");
        for (String part : List.of(protectedPart, payloadPart, signaturePart)) {
            if (!BASE64URL.matcher(part).matches()) {
                throw AcmeProblemException.malformed("JWS members must be unpadded base64url (RFC 7515 §2)");
            }
        }
        Map<String, Object> header = jsonObject(new Base64URL(protectedPart).decodeToString(),
                "the JWS protected header is not base64url-encoded JSON");
        if (header.containsKey("crit")) {
            throw AcmeProblemException.malformed("the JWS \"crit\" header is not supported: no extension is understood here");
        }
        String alg = header.get("alg") instanceof String s ? s : "";
        if (!ALGORITHMS.contains(alg)) {
            throw new AcmeProblemException(Problem.of(ProblemType.BAD_SIGNATURE_ALGORITHM,
                    "JWS signature algorithm \"" + alg + "\" is not supported; use one of " + ALGORITHMS)
                    .withExtra("algorithms", ALGORITHMS));
        }
        JWSObject jws;
        try {
            jws = new JWSObject(new Base64URL(protectedPart), new Base64URL(payloadPart), new Base64URL(signaturePart));
        } catch (ParseException e) {
            throw AcmeProblemException.malformed("the JWS protected header is invalid: " + e.getMessage());
        }
        JWK jwk = jws.getHeader().getJWK();
        String kid = jws.getHeader().getKeyID();
        if ((jwk == null) == (kid == null)) {
            throw AcmeProblemException.malformed("the JWS protected header must have exactly one of \"jwk\" and \"kid\"");
        }
        String nonce = header.get("nonce") instanceof String n ? n : null;
        String url = header.get("url") instanceof String u ? u : null;
        if (url == null) {
            throw AcmeProblemException.malformed("the JWS protected header has no \"url\"");
        }
        return new SignedMessage(jws, alg, jwk == null ? null : Keys.accountKey(jwk), kid, nonce, url);
    }

    /** The key in the {@code jwk} header (newAccount, revocation by certificate key, key change's inner JWS). */
    public Optional<AccountKey> embeddedKey() {
        return Optional.ofNullable(embeddedKey);
    }

    /** The {@code kid} header: the account URL (RFC 8555 §6.2). */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public String nonce() {
        return nonce;
    }

    public String url() {
        return url;
    }

    /** The payload bytes; empty for POST-as-GET (RFC 8555 §6.3). */
    public byte[] payload() {
        return jws.getPayload().toBytes();
    }

    public String payloadText() {
        return new String(payload(), StandardCharsets.UTF_8);
    }

    public boolean postAsGet() {
        return payload().length == 0;
    }

    /** Checks the signature with {@code key}; a mismatch of algorithm and key type is {@code badSignatureAlgorithm}. */
    public void verify(AccountKey key) {
        JWSVerifier verifier = verifierFor(key);
        try {
            if (!jws.verify(verifier)) {
                throw AcmeProblemException.malformed("JWS verification error: the signature does not match the key");
            }
        } catch (JOSEException e) {
            throw AcmeProblemException.malformed("JWS verification error: " + e.getMessage());
        }
    }

    private JWSVerifier verifierFor(AccountKey key) {
        String expected = expectedAlgorithm(key);
        if (!expected.equals(alg)) {
            throw new AcmeProblemException(Problem.of(ProblemType.BAD_SIGNATURE_ALGORITHM,
                    "JWS algorithm " + alg + " does not match the account key; this key signs with " + expected)
                    .withExtra("algorithms", List.of(expected)));
        }
        try {
            return key.publicKey() instanceof RSAPublicKey rsa
                    ? new RSASSAVerifier(rsa)
                    : new ECDSAVerifier((ECPublicKey) key.publicKey());
        } catch (JOSEException e) {
            throw new AcmeProblemException(ProblemType.BAD_PUBLIC_KEY, "the key cannot verify signatures: " + e.getMessage());
        }
    }

    private static String expectedAlgorithm(AccountKey key) {
        if (key.publicKey() instanceof RSAPublicKey) {
            return JWSAlgorithm.RS256.getName();
        }
        int bits = ((ECPublicKey) key.publicKey()).getParams().getCurve().getField().getFieldSize();
        return switch (bits) {
            case 256 -> "ES256";
            case 384 -> "ES384";
            default -> "ES512";
        };
    }

    private static Map<String, Object> jsonObject(String text, String problem) {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(text);
            if (object == null) {
                throw AcmeProblemException.malformed(problem);
            }
            return object;
        } catch (ParseException | RuntimeException e) {
            throw AcmeProblemException.malformed(problem);
        }
    }

    private static String member(Map<String, Object> outer, String name) {
        if (outer.get(name) instanceof String s) {
            return s;
        }
        throw AcmeProblemException.malformed("the JWS has no \"" + name + "\" string member");
    }
}
