package dev.vantage.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.AuthzStatus;
import dev.vantage.server.model.Challenge;
import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderStatus;
import dev.vantage.validator.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of ACME resources (RFC 8555 §7.1), rendered from the model and the clock. */
final class Views {
    private Views() {
    }

    record IdentifierView(String type, String value) {
        static IdentifierView of(Identifier id) {
            return new IdentifierView(id.type().token(), id.value());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record AccountView(String status, List<String> contact, Boolean termsOfServiceAgreed, Map<String, Object> key,
                       Instant createdAt, String orders) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderView(String status, Instant expires, List<IdentifierView> identifiers, String profile,
                     Map<String, Object> error, List<String> authorizations,
                     @JsonProperty("finalize") String finalizeUrl, String certificate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthorizationView(IdentifierView identifier, String status, Instant expires, List<ChallengeView> challenges,
                             Boolean wildcard) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChallengeView(String type, String url, String status, String token, Instant validated,
                         Map<String, Object> error) {
    }

    static AccountView account(Account a, Links links) {
        return new AccountView(a.status().token(), a.contact(), true, a.key().jwk(), a.createdAt(),
                links.accountOrders(a.id()));
    }

    static OrderView order(Order o, OrderStatus status, Links links) {
        return new OrderView(status.token(), o.expires(), o.identifiers().stream().map(IdentifierView::of).toList(),
                o.profile(), o.error() == null ? null : o.error().document(),
                o.authorizations().stream().map(links::authorization).toList(),
                links.finalizeOrder(o.id()),
                o.certificate() == null ? null : links.certificate(o.certificate(), 0));
    }

    static AuthorizationView authorization(Authorization a, Instant now, Links links) {
        return new AuthorizationView(IdentifierView.of(a.identifier()), AuthzStatus.of(a, now).token(), a.expires(),
                a.challenges().stream().map(c -> challenge(a, c, links)).toList(), a.wildcard() ? Boolean.TRUE : null);
    }

    static ChallengeView challenge(Authorization a, Challenge c, Links links) {
        return new ChallengeView(c.type().token(), links.challenge(a.id(), c.type()), c.status().token(), c.token(),
                c.validated(), c.error() == null ? null : c.error().document());
    }
}
