package dev.vantage.server.http;

import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderId;
import dev.vantage.server.model.OrderStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.FinalizeService;
import dev.vantage.server.service.OrderService;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** newOrder (RFC 8555 §7.4), the order resource, and finalize. */
final class OrderHandlers {
    private final OrderService orders;
    private final FinalizeService finalizer;
    private final Clock clock;
    private final Duration retryAfter;

    OrderHandlers(OrderService orders, FinalizeService finalizer, Clock clock, Duration retryAfter) {
        this.orders = orders;
        this.finalizer = finalizer;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    record IdentifierPayload(String type, String value) {
    }

    record NewOrderPayload(List<IdentifierPayload> identifiers, String profile, String notBefore, String notAfter) {
    }

    record FinalizePayload(String csr) {
    }

    Response newOrder(SignedRequest r) {
        NewOrderPayload p = r.payload(NewOrderPayload.class);
        if (p.notBefore() != null || p.notAfter() != null) {
            throw AcmeProblemException.malformed("notBefore and notAfter are not supported, as at Let's Encrypt");
        }
        List<IdentifierPayload> ids = p.identifiers() == null ? List.of() : p.identifiers();
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw AcmeProblemException.malformed("every identifier must be an object with \"type\" and \"value\"");
        }
        Order order = orders.newOrder(r.account(), new OrderService.NewOrder(
                ids.stream().map(i -> new OrderService.RequestedIdentifier(i.type(), i.value())).toList(), p.profile()));
        return render(order, r.links(), 201);
    }

    Response order(SignedRequest r) {
        r.requirePostAsGet();
        return render(orders.order(r.account(), new OrderId(r.param("id"))), r.links(), 200);
    }

    Response finalizeOrder(SignedRequest r) {
        Order order = orders.order(r.account(), new OrderId(r.param("id")));
        FinalizePayload p = r.payload(FinalizePayload.class);
        if (p.csr() == null) {
            throw AcmeProblemException.malformed("finalize needs \"csr\"");
        }
        byte[] der;
        try {
            der = Base64.getUrlDecoder().decode(p.csr());
        } catch (IllegalArgumentException e) {
            throw new AcmeProblemException(ProblemType.BAD_CSR, "\"csr\" is not base64url");
        }
        return render(finalizer.finalizeOrder(r.account(), r.links().account(r.account().id()), order, der),
                r.links(), 200);
    }

    private Response render(Order order, Links links, int status) {
        OrderStatus s = orders.status(order, clock.instant());
        Response response = Response.json(status, Views.order(order, s, links)).withLocation(links.order(order.id()));
        return s == OrderStatus.PROCESSING ? response.withRetryAfter(retryAfter) : response;
    }
}
