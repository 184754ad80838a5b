package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static VantageConfig load(Map<String, String> env, String... overrides) {
        return ConfigLoader.load(null, env, List.of(overrides));
    }

    @Test
    void theEmbeddedDefaultsArePebblesPortsAndLetsEncryptsProfiles() {
        VantageConfig c = load(Map.of());
        assertEquals(14000, c.acme().port());
        assertEquals(15000, c.management().port());
        assertEquals(8053, c.dns().port());
        assertEquals(5002, c.validation().httpPort());
        assertEquals(5001, c.validation().tlsAlpnPort());
        assertEquals("vantage-tls-ca.pem", c.acme().trustFile());
        assertEquals(KeyAlgorithm.ECDSA_P256, c.ca().keyAlgorithm());
        assertEquals("classic", c.defaultProfile());
        assertEquals(Duration.ofDays(30), c.profiles().get("classic").validAuthzLifetime());
        assertEquals(0, c.faults().nonceRejectPercent());
        assertEquals(Duration.ofHours(7), c.validation().caaRecheckAfter());
        assertEquals(-1, c.dns().challtestsrvPort());
    }

    @Test
    void theCaaRecheckWindowAndTheChalltestsrvListenerAreSettings() {
        VantageConfig c = load(Map.of("VANTAGE_VALIDATION_CAA_RECHECK_AFTER", "30m"), "dns.challtestsrvPort=8055");
        assertEquals(Duration.ofMinutes(30), c.validation().caaRecheckAfter());
        assertEquals(8055, c.dns().challtestsrvPort());
        assertEquals(0, load(Map.of(), "dns.challtestsrvPort=0").dns().challtestsrvPort());
    }

    @Test
    void aFileThenTheEnvironmentThenFlagsEachOverrideTheLayerBefore() throws Exception {
        Path file = dir.resolve("v.json");
        Files.writeString(file, """
                {"acme": {"port": 1}, "management": {"port": 2}, "dns": {"port": 3},
                 "profiles": {"mine": {"preset": "tlsserver", "validAuthzLifetime": "2h"}}}""");
        VantageConfig c = ConfigLoader.load(file, Map.of("VANTAGE_MANAGEMENT_PORT", "20", "VANTAGE_DNS_PORT", "30"),
                List.of("dns.port=300"));
        assertEquals(1, c.acme().port());
        assertEquals(20, c.management().port());
        assertEquals(300, c.dns().port());
        assertEquals(Duration.ofHours(2), c.profiles().get("mine").validAuthzLifetime());
        assertEquals(Duration.ofHours(8), c.profiles().get("mine").orderLifetime());
        assertTrue(c.profiles().containsKey("classic"), "file profiles are added to the defaults");
    }

    @Test
    void environmentNamesMatchCamelCaseKeysWordByWord() {
        VantageConfig c = load(Map.of("VANTAGE_VALIDATION_HTTP_PORT", "8080",
                "VANTAGE_PROFILES_CLASSIC_VALID_AUTHZ_LIFETIME", "10d", "VANTAGE_REUSE_CUTOFF", "2h"));
        assertEquals(8080, c.validation().httpPort());
        assertEquals(Duration.ofDays(10), c.profiles().get("classic").validAuthzLifetime());
        assertEquals(Duration.ofHours(2), c.reuse().cutoff());
    }

    @Test
    void pebblesEnvironmentVariablesMeanTheirVantageSettings() {
        VantageConfig c = load(Map.of("PEBBLE_WFE_NONCEREJECT", "5", "PEBBLE_AUTHZREUSE", "0",
                "PEBBLE_VA_ALWAYS_VALID", "1", "PEBBLE_CHAIN_LENGTH", "3", "PEBBLE_ALTERNATE_ROOTS", "2",
                "PEBBLE_VA_SLEEPTIME", "4"));
        assertEquals(5, c.faults().nonceRejectPercent());
        assertEquals(0, c.reuse().randomPercent());
        assertTrue(c.validation().alwaysValid());
        assertEquals(3, c.ca().chainLength());
        assertEquals(2, c.ca().alternateRoots());
        assertEquals(Duration.ofSeconds(4), c.validation().delay());
    }

    @Test
    void durationsReadIsoAndShortForms() {
        assertEquals(Duration.ofHours(7), Durations.parse("PT7H"));
        assertEquals(Duration.ofDays(30), Durations.parse("P30D"));
        assertEquals(Duration.ofDays(30), Durations.parse("30d"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals("7h", Durations.format(Duration.ofHours(7)));
        assertEquals("30d", Durations.format(Duration.ofDays(30)));
        assertEquals("P29DT3H", Durations.iso(Duration.ofDays(30).minusHours(21)));
        assertEquals("PT5M", Durations.iso(Duration.ofMinutes(5).plusMillis(500)), "truncated to seconds");
        assertEquals("PT0S", Durations.iso(Duration.ZERO));
        assertNull(load(Map.of()).reuse().cutoff());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("a port above 65535 names the key and the value", "acme.port=70000", "acme.port", "70000"),
                Arguments.of("a port that is not a number", "management.port=abc", "management.port", "abc"),
                Arguments.of("a duration in no known form", "profiles.classic.validAuthzLifetime=thirty days",
                        "profiles.classic.validAuthzLifetime", "thirty days"),
                Arguments.of("a negative reuse window", "profiles.classic.validAuthzLifetime=-P1D",
                        "profiles.classic.validAuthzLifetime", "-1d"),
                Arguments.of("an unknown key algorithm", "ca.keyAlgorithm=dsa", "ca.keyAlgorithm", "dsa"),
                Arguments.of("a listen address that is a host name", "acme.listenAddress=example.test",
                        "acme.listenAddress", "example.test"),
                Arguments.of("a default profile that is not configured", "defaultProfile=gold", "defaultProfile", "gold"),
                Arguments.of("an unknown preset", "profiles.x.preset=platinum", "profiles.x.preset", "platinum"),
                Arguments.of("a nonce rejection above 100 percent", "faults.nonceRejectPercent=101",
                        "faults.nonceRejectPercent", "101"),
                Arguments.of("an unknown setting", "acme.colour=blue", "acme", "colour"),
                Arguments.of("a boolean that is not one", "reuse.orders=maybe", "reuse.orders", "maybe"),
                Arguments.of("a negative CAA re-check window", "validation.caaRecheckAfter=-PT1H",
                        "validation.caaRecheckAfter", "-1h"),
                Arguments.of("a challtestsrv port below -1", "dns.challtestsrvPort=-2", "dns.challtestsrvPort", "-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingsStopWithAMessageNamingTheKeyAndTheValue(String name, String override, String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), override));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void anUnknownEnvironmentVariableNamesItself() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("VANTAGE_NOPE", "1")));
        assertTrue(e.getMessage().contains("VANTAGE_NOPE"), e.getMessage());
    }

    @Test
    void aFileThatIsNotJsonNamesTheFileAndThePosition() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"acme\": {\"port\": }");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), List.of()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void flattenListsEverySettingAsADottedKey() {
        Map<String, String> flat = ConfigLoader.flatten(VantageConfig.defaults());
        assertEquals("14000", flat.get("acme.port"));
        assertEquals("30d", flat.get("profiles.classic.validAuthzLifetime"));
    }
}
