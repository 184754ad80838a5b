package dev.vantage.server.management;

import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.service.ValidationHistory;
import dev.vantage.validator.PerspectiveResult;
import dev.vantage.validator.ValidationProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The validation history: {@code GET /validations} with filters {@code identifier},
 * {@code authorization} and {@code perspective}; {@code POST /validations/clear}. Each attempt
 * lists every perspective's result, so "no validation happened" and "which vantage point was
 * blocked" are both visible.
 */
final class ValidationRoutes {
    private final ValidationHistory history;

    ValidationRoutes(ValidationHistory history) {
        this.history = history;
    }

    record PerspectiveView(String perspective, boolean primary, String sourceAddress, String targetAddress, int port,
                           Instant startedAt, long tookMillis, String outcome, Map<String, String> problem) {
    }

    record AttemptView(Instant at, String authorization, String account, Map<String, String> identifier,
                       String challenge, String outcome, Map<String, String> problem, List<PerspectiveView> perspectives) {
    }

    void register(ManagementApi.Routes routes) {
        routes.getJson("/validations", x -> {
            String identifier = Exchanges.param(x, "identifier");
            String authz = Exchanges.param(x, "authorization");
            String perspective = Exchanges.param(x, "perspective");
            return history.find(a -> (identifier == null || a.identifier().value().equalsIgnoreCase(identifier))
                            && (authz == null || a.authorization().value().equals(authz))
                            && (perspective == null || a.report().perspectives().stream()
                                    .anyMatch(p -> p.perspective().equals(perspective))))
                    .stream().map(ValidationRoutes::view).toList();
        });
        routes.post("/validations/clear", x -> history.clear());
    }

    static AttemptView view(ValidationHistory.Attempt a) {
        return new AttemptView(a.at(), a.authorization().value(), a.account().value(),
                Map.of("type", a.identifier().type().token(), "value", a.identifier().value()),
                a.challenge().token(), a.report().valid() ? "valid" : "invalid", problem(a.report().problem()),
                a.report().perspectives().stream().map(ValidationRoutes::perspective).toList());
    }

    private static PerspectiveView perspective(PerspectiveResult p) {
        return new PerspectiveView(p.perspective(), p.primary(), p.sourceAddress(), p.targetAddress(), p.port(),
                p.startedAt(), p.took().toMillis(), p.passed() ? "passed" : "failed", problem(p.problem()));
    }

    private static Map<String, String> problem(ValidationProblem p) {
        return p == null ? null : Map.of("type", ProblemType.NAMESPACE + p.kind().acmeCode(), "detail", p.detail());
    }
}
