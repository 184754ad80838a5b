package dev.vantage.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A deliberately small ACME client for handler tests: it signs whatever it is told to, so tests
 * can also send what a real client never would (wrong url, reused nonce, unknown kid).
 */
final class TestAcmeClient {
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http;
    final URI directoryUrl;
    JsonNode directory;
    JWK key;
    String kid;

    TestAcmeClient(URI directoryUrl, SSLContext ssl) throws Exception {
        this.http = HttpClient.newBuilder().sslContext(ssl).build();
        this.directoryUrl = directoryUrl;
        this.key = new ECKeyGenerator(Curve.P_256).generate();
        this.directory = JSON.readTree(get(directoryUrl.toString()).body());
    }

    static JWK rsaKey() throws Exception {
        return new RSAKeyGenerator(2048).generate();
    }

    String url(String name) {
        return directory.get(name).asText();
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String nonce() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("newNonce")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Replay-Nonce").orElseThrow();
    }

    /** Signs {@code payload} (null for POST-as-GET) with the client's key, as {@code kid} once registered. */
    HttpResponse<String> post(String url, Object payload) throws Exception {
        return send(url, sign(url, payload, nonce(), kid == null, key));
    }

    HttpResponse<String> send(String url, String body) throws Exception {
        return sendRaw(url, body, "application/jose+json");
    }

    HttpResponse<String> sendRaw(String url, String body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String sign(String url, Object payload, String nonce, boolean useJwk, JWK signingKey) throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("url", url);
        if (nonce != null) {
            extra.put("nonce", nonce);
        }
        JWSAlgorithm alg = signingKey instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        JWSHeader.Builder header = new JWSHeader.Builder(alg).customParams(extra);
        if (useJwk) {
            header.jwk(signingKey.toPublicJWK());
        } else {
            header.keyID(kid);
        }
        String body = payload == null ? "" : payload instanceof String s ? s : JSON.writeValueAsString(payload);
        JWSObject jws = new JWSObject(header.build(), new Payload(body));
        jws.sign(signer(signingKey));
        return flattened(jws);
    }

    static String flattened(JWSObject jws) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("protected", jws.getHeader().toBase64URL().toString());
        out.put("payload", jws.getPayload().toBase64URL().toString());
        out.put("signature", jws.getSignature().toString());
        return JSON.writeValueAsString(out);
    }

    static JWSSigner signer(JWK k) throws Exception {
        return k instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) k);
    }

    /** Registers the account and remembers its URL as {@code kid}. */
    HttpResponse<String> register() throws Exception {
        HttpResponse<String> r = post(url("newAccount"), Map.of("termsOfServiceAgreed", true,
                "contact", java.util.List.of("mailto:tester@example.test")));
        kid = r.headers().firstValue("Location").orElseThrow();
        return r;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

}
