package dev.vantage.server.management;

import dev.vantage.config.Durations;
import dev.vantage.server.time.AdjustableClock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The server's clock: {@code GET /clock}, {@code POST /clock/advance {"by": "30d"}},
 * {@code POST /clock/set {"now": "2027-03-01T00:00:00Z"}}, {@code POST /clock/reset}.
 */
final class ClockRoutes {
    private final AdjustableClock clock;

    ClockRoutes(AdjustableClock clock) {
        this.clock = clock;
    }

    record AdvanceBody(String by) {
    }

    record SetBody(String now) {
    }

    void register(ManagementApi.Routes routes) {
        routes.getJson("/clock", x -> view());
        routes.postJson("/clock/advance", x -> {
            String by = Exchanges.body(x, AdvanceBody.class).by();
            if (by == null) {
                throw new Exchanges.BadRequest("missing \"by\", for example {\"by\": \"30d\"}");
            }
            clock.advance(Durations.parse(by));
            return view();
        });
        routes.postJson("/clock/set", x -> {
            String now = Exchanges.body(x, SetBody.class).now();
            try {
                clock.set(Instant.parse(now == null ? "" : now));
            } catch (DateTimeParseException e) {
                throw new Exchanges.BadRequest("\"now\" must be an RFC 3339 time such as 2027-03-01T00:00:00Z, not \""
                        + now + "\"");
            }
            return view();
        });
        routes.postJson("/clock/reset", x -> {
            clock.reset();
            return view();
        });
    }

    private Map<String, Object> view() {
        return Map.of("now", clock.instant(), "offset", clock.offset().toString());
    }
}
