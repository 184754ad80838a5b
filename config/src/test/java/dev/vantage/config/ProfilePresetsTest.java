package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfilePresetsTest {
    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("classic", "7d", "30d", "7d", "90d"),
                Arguments.of("classic-2027", "7d", "10d", "7d", "90d"),
                Arguments.of("classic-2028", "7d", "7h", "7d", "90d"),
                Arguments.of("tlsserver", "1h", "7h", "8h", "45d"),
                Arguments.of("shortlived", "1h", "7h", "8h", "160h"),
                Arguments.of("pebble", "1h", "1h", "24h", "1826d"));
    }

    @ParameterizedTest(name = "preset {0} has pending {1}, reuse window {2}, order {3}, certificates {4}")
    @MethodSource("published")
    void presetsCarryThePublishedLifetimes(String name, String pending, String valid, String order, String cert) {
        ProfileConfig p = ProfilePresets.get(name).orElseThrow();
        assertEquals(Durations.parse(pending), p.pendingAuthzLifetime());
        assertEquals(Durations.parse(valid), p.validAuthzLifetime());
        assertEquals(Durations.parse(order), p.orderLifetime());
        assertEquals(Durations.parse(cert), p.certificateValidity());
    }

    @ParameterizedTest(name = "a profile based on {0} keeps what it does not override")
    @MethodSource("published")
    void aPresetFillsWhatAProfileLeavesOut(String name, String pending, String valid, String order, String cert) {
        ProfileConfig p = new ProfileConfig(name, null, null, Duration.ZERO, null, null, null);
        assertEquals(Duration.ZERO, p.validAuthzLifetime());
        assertEquals(Durations.parse(order), p.orderLifetime());
    }
}
