package dev.vantage.server.junit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vantage.server.VantageServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance extension field: every test gets a server of its own. */
class PerTestServerTest {
    static final Set<Integer> PORTS = new HashSet<>();

    @RegisterExtension
    VantageExtension vantage = VantageExtension.builder().build();

    @RepeatedTest(3)
    void eachTestHasItsOwnServer(VantageServer ca) {
        assertNotEquals(false, PORTS.add(ca.acmePort()), "a new server, a new port");
    }

    @AfterAll
    static void threeServersWereStarted() {
        org.junit.jupiter.api.Assertions.assertEquals(3, PORTS.size());
    }
}
