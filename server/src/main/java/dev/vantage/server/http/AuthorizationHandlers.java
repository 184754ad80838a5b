package dev.vantage.server.http;

import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzId;
import dev.vantage.server.model.Challenge;
import dev.vantage.server.model.ChallengeStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.service.AuthorizationService;
import dev.vantage.server.service.ChallengeService;
import dev.vantage.validator.ChallengeType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Authorizations (RFC 8555 §7.5, deactivation §7.5.2) and challenges (§7.5.1). */
final class AuthorizationHandlers {
    private final AuthorizationService authzs;
    private final ChallengeService challenges;
    private final Clock clock;
    private final Duration retryAfter;

    AuthorizationHandlers(AuthorizationService authzs, ChallengeService challenges, Clock clock, Duration retryAfter) {
        this.authzs = authzs;
        this.challenges = challenges;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    record AuthzUpdatePayload(String status) {
    }

    Response authorization(SignedRequest r) {
        AuthzId id = new AuthzId(r.param("id"));
        Authorization a;
        if (r.message().postAsGet()) {
            a = authzs.get(r.account(), id);
        } else {
            AuthzUpdatePayload p = r.payload(AuthzUpdatePayload.class);
            if (!"deactivated".equals(p.status())) {
                throw AcmeProblemException.malformed("an authorization can only be updated to {\"status\": \"deactivated\"}");
            }
            a = authzs.deactivate(r.account(), id);
        }
        Response response = Response.json(200, Views.authorization(a, clock.instant(), r.links()))
                .withLocation(r.links().authorization(a.id()));
        return processing(a) ? response.withRetryAfter(retryAfter) : response;
    }

    /** POST {} starts validation; POST-as-GET reads. Both answer the challenge with {@code Link: rel="up"}. */
    Response challenge(SignedRequest r) {
        AuthzId id = new AuthzId(r.param("id"));
        ChallengeType type = ChallengeType.fromToken(r.param("type"));
        if (type == null) {
            throw AcmeProblemException.notFound("challenge");
        }
        if (!r.message().postAsGet()) {
            r.payload(Map.class); // RFC 8555 §7.5.1: an empty JSON object; anything but an object is malformed
        }
        Authorization a = r.message().postAsGet()
                ? challenges.authorizationOf(r.account(), id, type)
                : challenges.respond(r.account(), r.links().account(r.account().id()), id, type);
        Challenge c = a.challenge(type).orElseThrow();
        Response response = Response.json(200, Views.challenge(a, c, r.links()))
                .withLink(r.links().authorization(a.id()), "up")
                .withLocation(r.links().challenge(a.id(), type));
        return c.status() == ChallengeStatus.PROCESSING ? response.withRetryAfter(retryAfter) : response;
    }

    private static boolean processing(Authorization a) {
        return a.challenges().stream().anyMatch(c -> c.status() == ChallengeStatus.PROCESSING);
    }
}
