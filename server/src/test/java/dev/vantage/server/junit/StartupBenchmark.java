package dev.vantage.server.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.VantageServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: it prints how long an in-JVM start-to-ready and a per-test reset
 * take (targets: start under 300 ms after the first server in a JVM, reset under 5 ms) and only
 * asserts that the server really was ready and really was reset.
 */
class StartupBenchmark {
    static final int RUNS = 10;

    @Test
    void printsStartAndResetTimes() throws Exception {
        long firstStart = System.nanoTime();
        VantageServer.builder().start().close();
        double first = (System.nanoTime() - firstStart) / 1e6;
        double[] starts = new double[RUNS];
        double[] resets = new double[RUNS * 10];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            try (VantageServer s = VantageServer.builder().start()) {
                HttpClient http = HttpClient.newBuilder().sslContext(s.sslContext()).build();
                HttpResponse<String> dir = http.send(HttpRequest.newBuilder(s.directory()).build(),
                        HttpResponse.BodyHandlers.ofString());
                starts[i] = (System.nanoTime() - t0) / 1e6;
                assertEquals(200, dir.statusCode(), "ready means the directory answers");
                for (int j = 0; j < 10; j++) {
                    s.clock().advance(Duration.ofDays(1));
                    long r0 = System.nanoTime();
                    s.reset();
                    resets[i * 10 + j] = (System.nanoTime() - r0) / 1e6;
                    assertTrue(s.clock().offset().abs().toSeconds() < 1, "the reset moved the clock back");
                }
            }
        }
        System.out.printf("Vantage benchmark: first start in this class %.1f ms (other tests may have warmed the JVM); later starts to a served directory: "
                        + "median %.1f ms, max %.1f ms (target < 300 ms); reset: median %.3f ms, max %.3f ms (target < 5 ms)%n",
                first, median(starts), max(starts), median(resets), max(resets));
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }
}
