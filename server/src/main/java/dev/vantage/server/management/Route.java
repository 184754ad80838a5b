package dev.vantage.server.management;

import io.undertow.server.HttpServerExchange;

/** One management route; throws {@link Exchanges.BadRequest} for bad input. */
@FunctionalInterface
interface Route {
    void handle(HttpServerExchange exchange);
}
