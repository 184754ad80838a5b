package dev.vantage.server.http;

import dev.vantage.server.json.Json;
import dev.vantage.server.jws.SignedMessage;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.AccountKey;
import dev.vantage.server.problem.AcmeProblemException;
import java.util.Map;

/**
 * A request that passed every JWS check (RFC 8555 §6.2–6.5): signature, {@code url}, nonce, and
 * the key resolved to an account ({@code kid}) or carried along ({@code jwk}).
 *
 * @param account the valid account of the {@code kid}, or null for {@code jwk} requests
 * @param key     the key that signed the request
 * @param params  path parameters of the route
 */
record SignedRequest(Links links, Account account, AccountKey key, SignedMessage message, Map<String, String> params) {

    /** The payload as {@code type}; an empty payload or one that does not fit is {@code malformed}. */
    <T> T payload(Class<T> type) {
        if (message.postAsGet()) {
            throw AcmeProblemException.malformed("this request needs a JSON payload, not POST-as-GET");
        }
        return read(message.payload(), type, "payload");
    }

    /** JSON as {@code type}; what does not fit is {@code malformed}, its detail starting with {@code what}. */
    static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            return Json.read(json, type);
        } catch (Json.JsonInputException e) {
            throw AcmeProblemException.malformed(what + ": " + e.getMessage());
        }
    }

    /** Reads need POST-as-GET: an empty payload (RFC 8555 §6.3). */
    void requirePostAsGet() {
        if (!message.postAsGet()) {
            throw AcmeProblemException.malformed("this resource is read with POST-as-GET: the payload must be empty");
        }
    }

    String param(String name) {
        return params.get(name);
    }
}
