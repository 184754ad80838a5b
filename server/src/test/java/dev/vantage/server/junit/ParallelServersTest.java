package dev.vantage.server.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.server.VantageServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several servers in one JVM at once: distinct ports, and no state shared between them. */
class ParallelServersTest {
    @Test
    void serversStartedInParallelDoNotInterfere() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<VantageServer>> starting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starting.add(pool.submit(() -> VantageServer.builder().start()));
        }
        List<VantageServer> servers = new ArrayList<>();
        try {
            for (Future<VantageServer> f : starting) {
                servers.add(f.get());
            }
            var ports = new HashSet<Integer>();
            servers.forEach(s -> {
                ports.add(s.acmePort());
                ports.add(s.managementPort());
                ports.add(s.dnsPort());
            });
            assertEquals(12, ports.size(), "every listener of every server has its own port");
            servers.get(0).clock().advance(Duration.ofDays(30));
            servers.get(0).dns().setTxt("_acme-challenge.only-zero.test", "x");
            for (VantageServer s : servers.subList(1, servers.size())) {
                assertEquals(0, s.clock().offset().toDays(), "clocks are per server");
            }
            assertEquals(30, servers.get(0).clock().offset().toDays());
        } finally {
            servers.forEach(VantageServer::close);
            pool.shutdownNow();
        }
    }
}
