package dev.vantage.server.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.VantageServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension field: one server for the class, settings applied, state reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassWideServerTest {
    @RegisterExtension
    static VantageExtension vantage = VantageExtension.builder()
            .set("profiles.classic.validAuthzLifetime", "7h")
            .resetBetweenTests()
            .build();

    static VantageServer first;

    @Test
    @Order(1)
    void theServerIsInjectedWithTheSettings(VantageServer ca) {
        first = ca;
        assertEquals(Duration.ofHours(7), ca.profiles().get("classic").validAuthzLifetime());
        assertTrue(ca.acmePort() > 0 && ca.acmePort() != 14000, "port 0 picks a free port");
        ca.clock().advance(Duration.ofDays(3));
    }

    @Test
    @Order(2)
    void everyTestGetsTheSameServerWithItsStateReset(VantageServer ca) {
        assertSame(first, ca);
        assertSame(ca, vantage.server());
        assertTrue(Duration.between(Instant.now(), ca.clock().instant()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "the clock was moved back by the reset");
    }
}
