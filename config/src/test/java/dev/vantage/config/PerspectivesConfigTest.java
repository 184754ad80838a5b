package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PerspectivesConfigTest {
    private static final List<Cidr> DOCUMENTATION = Stream.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
            "2001:db8::/32").map(Cidr::parse).toList();

    @TempDir
    Path dir;

    static Stream<Arguments> presets() {
        return Stream.of(
                Arguments.of("single", 0, 0),
                Arguments.of("le-2020", 3, 3),
                Arguments.of("le", 4, 3),
                Arguments.of("br-2026-12", 5, 4));
    }

    @ParameterizedTest(name = "preset {0} has a primary and {1} remotes in {2} RIRs, all from documentation ranges")
    @MethodSource("presets")
    void presetsHaveTheirShape(String name, int remotes, int rirs) {
        List<VantagePointConfig> points = PerspectivesConfig.of(name).effectivePoints();
        assertTrue(points.get(0).primary());
        assertEquals(1, points.stream().filter(VantagePointConfig::primary).count());
        assertEquals(remotes, points.size() - 1);
        assertEquals(rirs, points.stream().skip(1).map(VantagePointConfig::rir).distinct().count());
        for (VantagePointConfig p : points) {
            assertTrue(DOCUMENTATION.stream().anyMatch(c -> c.contains(IpAddresses.parse(p.sourceAddress()))),
                    p.sourceAddress());
        }
    }

    @Test
    void theDefaultIsLetsEncryptsPrimaryPlusFourRemotesUnderTheBaselineRequirementsQuorum() {
        PerspectivesConfig c = VantageConfig.defaults().perspectives();
        assertEquals("le", c.preset());
        assertEquals(5, c.effectivePoints().size());
        assertEquals(QuorumMode.BR, c.quorum().mode());
        assertEquals(null, c.quorum().maxRemoteFailures());
        assertEquals(2, c.quorum().minRirs());
        assertFalse(c.concurrent());
        assertFalse(c.subproblems());
        assertEquals(Duration.ofSeconds(20), c.timeout());
        assertTrue(VantageConfig.defaults().firewall().rules().isEmpty());
    }

    @Test
    void withoutAMarkedPrimaryTheFirstPointIsThePrimary() {
        PerspectivesConfig c = PerspectivesConfig.of("le").withPoints(List.of(
                VantagePointConfig.of("a", "x", "ARIN", "192.0.2.1"), VantagePointConfig.of("b", "y", "RIPE", "192.0.2.2")));
        assertEquals("a", c.primaryPoint().name());
        assertEquals(List.of(true, false), c.effectivePoints().stream().map(VantagePointConfig::primary).toList());
    }

    @Test
    void aPresetNamedInAFileOrTheEnvironmentReplacesTheDefaultPoints() throws Exception {
        VantageConfig env = ConfigLoader.load(null, Map.of("VANTAGE_PERSPECTIVES_PRESET", "single"), List.of());
        assertEquals(1, env.perspectives().effectivePoints().size());
        Path file = dir.resolve("v.json");
        Files.writeString(file, """
                {"perspectives": {"points": [
                    {"name": "home", "rir": "ripe", "sourceAddress": "2001:DB8::1", "bindAddress": "127.0.0.2"},
                    {"name": "away", "region": "ap", "rir": "APNIC", "sourceAddress": "203.0.113.9",
                     "latency": "250ms", "forcedFailure": "connection", "enabled": false}],
                  "quorum": {"mode": "all"}, "concurrent": true, "subproblems": true}}""");
        PerspectivesConfig c = ConfigLoader.load(file, Map.of(), List.of("perspectives.timeout=5s")).perspectives();
        VantagePointConfig home = c.effectivePoints().get(0);
        assertEquals(List.of("home", true, "RIPE", "2001:db8::1", "127.0.0.2", true),
                List.of(home.name(), home.primary(), home.rir(), home.sourceAddress(), home.bindAddress(), home.enabled()));
        VantagePointConfig away = c.effectivePoints().get(1);
        assertEquals(List.of(Duration.ofMillis(250), "connection", false),
                List.of(away.latency(), away.forcedFailure(), away.enabled()));
        assertEquals(QuorumMode.ALL, c.quorum().mode());
        assertTrue(c.concurrent() && c.subproblems());
        assertEquals(Duration.ofSeconds(5), c.timeout());
        assertEquals("away", ConfigLoader.flatten(ConfigLoader.load(file, Map.of(), List.of()))
                .get("perspectives.points.1.name"));
    }

    static Stream<Arguments> badSettings() {
        String point = "{\"name\": \"p\", \"rir\": \"ARIN\", \"sourceAddress\": \"192.0.2.1\"}";
        return Stream.of(
                Arguments.of("an unknown preset", "{\"preset\": \"gold\"}", "perspectives.preset", "gold"),
                Arguments.of("no preset and no points", "{\"preset\": \"\"}", "perspectives.points", "preset"),
                Arguments.of("two points with one name", "{\"points\": [" + point + ", " + point + "]}",
                        "perspectives.points.1.name", "\"p\""),
                Arguments.of("two primaries", "{\"points\": [" + point.replace("}", ", \"primary\": true}") + ", "
                        + point.replace("\"p\"", "\"q\"").replace("}", ", \"primary\": true}") + "]}",
                        "perspectives.points", "only one"),
                Arguments.of("a disabled primary", "{\"points\": [" + point.replace("}", ", \"enabled\": false}") + "]}",
                        "perspectives.points.0.enabled", "cannot be disabled"),
                Arguments.of("an unknown RIR", "{\"points\": [" + point.replace("ARIN", "NIC") + "]}",
                        "perspectives.points.0.rir", "NIC"),
                Arguments.of("a source address that is a host name",
                        "{\"points\": [" + point.replace("192.0.2.1", "vp.test") + "]}",
                        "perspectives.points.0.sourceAddress", "vp.test"),
                Arguments.of("a bind address that is no address",
                        "{\"points\": [" + point.replace("}", ", \"bindAddress\": \"127.0.0\"}") + "]}",
                        "perspectives.points.0.bindAddress", "127.0.0"),
                Arguments.of("an unknown forced failure",
                        "{\"points\": [" + point.replace("}", ", \"forcedFailure\": \"boom\"}") + "]}",
                        "perspectives.points.0.forcedFailure", "boom"),
                Arguments.of("a name that cannot go in a URL", "{\"points\": [" + point.replace("\"p\"", "\"a/b\"") + "]}",
                        "perspectives.points.0.name", "a/b"),
                Arguments.of("an unknown quorum mode", "{\"quorum\": {\"mode\": \"most\"}}", "perspectives.quorum.mode",
                        "most"),
                Arguments.of("a negative failure allowance", "{\"quorum\": {\"maxRemoteFailures\": -1}}",
                        "perspectives.quorum.maxRemoteFailures", "-1"),
                Arguments.of("a zero timeout", "{\"timeout\": \"0\"}", "perspectives.timeout", "0"),
                Arguments.of("an unknown member of a point",
                        "{\"points\": [" + point.replace("}", ", \"colour\": \"red\"}") + "]}",
                        "perspectives.points.0", "colour"));
    }

    @ParameterizedTest(name = "{0} stops with a message naming the key and the value")
    @MethodSource("badSettings")
    void badPerspectiveSettingsNameTheKeyAndTheValue(String name, String json, String key, String value)
            throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"perspectives\": " + json + "}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), List.of()));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void quorumSettingsComeFromTheEnvironmentToo() {
        QuorumConfig q = ConfigLoader.load(null, Map.of("VANTAGE_PERSPECTIVES_QUORUM_MODE", "all",
                "VANTAGE_PERSPECTIVES_QUORUM_MAX_REMOTE_FAILURES", "2", "VANTAGE_PERSPECTIVES_QUORUM_MIN_RIRS", "3"),
                List.of()).perspectives().quorum();
        assertEquals(new QuorumConfig(QuorumMode.ALL, 2, 3), q);
    }

    @Test
    void aPresetDropsExplicitPointsAndPointsKeepThePresetAsALabel() {
        PerspectivesConfig custom = PerspectivesConfig.of("le")
                .withPoints(List.of(VantagePointConfig.of("solo", "", "ARIN", "192.0.2.1")));
        assertEquals(List.of("solo"), custom.effectivePoints().stream().map(VantagePointConfig::name).toList());
        assertEquals(3, custom.withPreset("le-2020").effectivePoints().size() - 1);
    }
}
