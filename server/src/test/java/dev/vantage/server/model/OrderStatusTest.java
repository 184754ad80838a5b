package dev.vantage.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.validator.Identifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The order's status is derived from its authorizations, certificate, error and the clock (RFC 8555 §7.1.6). */
class OrderStatusTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static Authorization authz(AuthzStatus stored, Duration expiresIn) {
        return new Authorization(new AuthzId("z" + stored + expiresIn), new AccountId("a"), "classic",
                Identifier.dns("x.test"), false, stored, NOW, NOW.plus(expiresIn), List.of(), null, null);
    }

    static Order order(Duration expiresIn, CertificateId cert, Problem error) {
        return new Order(new OrderId("o"), new AccountId("a"), "classic", List.of(Identifier.dns("x.test")), List.of(),
                NOW, NOW.plus(expiresIn), cert, error, false);
    }

    static final Duration LIVE = Duration.ofDays(1);

    static Stream<Arguments> table() {
        Order open = order(LIVE, null, null);
        return Stream.of(
                Arguments.of("all authorizations pending: pending", open, OrderStatus.PENDING,
                        new Authorization[] {authz(AuthzStatus.PENDING, LIVE), authz(AuthzStatus.PENDING, LIVE)}),
                Arguments.of("some valid, some pending: pending", open, OrderStatus.PENDING,
                        new Authorization[] {authz(AuthzStatus.VALID, LIVE), authz(AuthzStatus.PENDING, LIVE)}),
                Arguments.of("all valid: ready", open, OrderStatus.READY,
                        new Authorization[] {authz(AuthzStatus.VALID, LIVE), authz(AuthzStatus.VALID, LIVE)}),
                Arguments.of("one invalid: invalid", open, OrderStatus.INVALID,
                        new Authorization[] {authz(AuthzStatus.VALID, LIVE), authz(AuthzStatus.INVALID, LIVE)}),
                Arguments.of("one deactivated: invalid", open, OrderStatus.INVALID,
                        new Authorization[] {authz(AuthzStatus.DEACTIVATED, LIVE)}),
                Arguments.of("one valid authorization past its expiry: invalid", open, OrderStatus.INVALID,
                        new Authorization[] {authz(AuthzStatus.VALID, Duration.ofSeconds(-1))}),
                Arguments.of("one revoked: invalid", open, OrderStatus.INVALID,
                        new Authorization[] {authz(AuthzStatus.REVOKED, LIVE)}),
                Arguments.of("the order itself expired: invalid", order(Duration.ofSeconds(-1), null, null),
                        OrderStatus.INVALID, new Authorization[] {authz(AuthzStatus.VALID, LIVE)}),
                Arguments.of("a certificate was issued: valid, whatever happened since",
                        order(Duration.ofSeconds(-1), new CertificateId("c"), null), OrderStatus.VALID,
                        new Authorization[] {authz(AuthzStatus.DEACTIVATED, LIVE)}),
                Arguments.of("a finalization under way: processing", order(LIVE, null, null).withFinalizing(true),
                        OrderStatus.PROCESSING, new Authorization[] {authz(AuthzStatus.VALID, LIVE)}),
                Arguments.of("finalization failed: invalid",
                        order(LIVE, null, Problem.of(ProblemType.CAA, "no")), OrderStatus.INVALID,
                        new Authorization[] {authz(AuthzStatus.VALID, LIVE)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void orderStatus(String name, Order order, OrderStatus expected, Authorization[] authzs) {
        assertEquals(expected, OrderStatus.of(order, Arrays.asList(authzs), NOW));
    }
}
