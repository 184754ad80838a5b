package dev.vantage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Pebble's configuration file read as Vantage settings: every key, every bad value, and the layers above it. */
class PebbleConfigFileTest {
    /** Pebble's own test/config/pebble-config.json, with every other key Pebble reads added. */
    static final String FULL = """
            {
              "pebble": {
                "listenAddress": "0.0.0.0:14000",
                "managementListenAddress": "0.0.0.0:15000",
                "certificate": "test/certs/localhost/cert.pem",
                "privateKey": "test/certs/localhost/key.pem",
                "httpPort": 5002,
                "tlsPort": 5001,
                "ocspResponderURL": "",
                "externalAccountBindingRequired": true,
                "externalAccountMACKeys": {
                  "kid-1": "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W",
                  "kid-2": "b10lLJs8l1GPIzsLP0s6pMt8O0XVGnfTaCeROxQM0BIt2XrJMDHJZBM5NuQmQJQH"
                },
                "domainBlocklist": ["blocked-domain.example"],
                "caaIdentities": ["pebble.letsencrypt.org"],
                "keyAlgorithm": "rsa",
                "certificateValidityPeriod": 157766400,
                "retryAfter": {
                    "authz": 3,
                    "order": 5
                },
                "profiles": {
                  "shortlived": {
                    "description": "A short-lived cert profile, without actual enforcement",
                    "validityPeriod": 518400
                  },
                  "default": {
                    "description": "The profile you know and love"
                  }
                }
              }
            }""";

    @TempDir
    Path dir;

    private VantageConfig load(String json, Map<String, String> env, String... flags) throws Exception {
        Path file = dir.resolve("pebble-config.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file, env, List.of(flags));
    }

    static Stream<Arguments> translatedSettings() {
        return Stream.of(
                Arguments.of("acme.listenAddress", "0.0.0.0"),
                Arguments.of("acme.port", "14000"),
                Arguments.of("management.listenAddress", "0.0.0.0"),
                Arguments.of("management.port", "15000"),
                Arguments.of("acme.tlsCertificate", "test/certs/localhost/cert.pem"),
                Arguments.of("acme.tlsPrivateKey", "test/certs/localhost/key.pem"),
                Arguments.of("validation.httpPort", "5002"),
                Arguments.of("validation.tlsAlpnPort", "5001"),
                Arguments.of("acme.externalAccountRequired", "true"),
                Arguments.of("acme.externalAccountMacKeys.kid-1",
                        "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"),
                Arguments.of("acme.domainBlocklist", "blocked-domain.example"),
                Arguments.of("ca.caaIdentities", "pebble.letsencrypt.org"),
                Arguments.of("ca.keyAlgorithm", "rsa-2048"),
                Arguments.of("acme.retryAfter", "3s"),
                Arguments.of("defaultProfile", "default"),
                Arguments.of("profiles.default.preset", "classic"),
                Arguments.of("profiles.default.description", "The profile you know and love"),
                Arguments.of("profiles.default.certificateValidity", "1826d"),
                Arguments.of("profiles.default.validAuthzLifetime", "30d"),
                Arguments.of("profiles.default.pendingAuthzLifetime", "7d"),
                Arguments.of("profiles.shortlived.description", "A short-lived cert profile, without actual enforcement"),
                Arguments.of("profiles.shortlived.certificateValidity", "6d"),
                Arguments.of("profiles.shortlived.validAuthzLifetime", "30d"),
                Arguments.of("profiles.shortlived.orderLifetime", "7d"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("translatedSettings")
    void pebblesFullConfigurationBecomesTheseVantageSettings(String key, String value) throws Exception {
        assertEquals(value, ConfigLoader.flatten(load(FULL, Map.of())).get(key));
    }

    @Test
    void pebblesProfilesReplaceTheDefaultSet() throws Exception {
        VantageConfig c = load(FULL, Map.of());
        assertEquals(List.of("shortlived", "default"), List.copyOf(c.profiles().keySet()));
    }

    @Test
    void withoutADefaultProfileTheFirstListedIsTheDefault() throws Exception {
        VantageConfig c = load("""
                {"pebble": {"profiles": {"b.1": {"validityPeriod": 3600}, "a": {}}}}""", Map.of());
        assertEquals("b.1", c.defaultProfile(), "the first listed; a dot in a name is only a dot");
        assertEquals(Duration.ofHours(1), c.profiles().get("b.1").certificateValidity());
        assertEquals(Duration.ofDays(90), c.profiles().get("a").certificateValidity(), "classic's validity");
        assertEquals("", c.profiles().get("a").description());
    }

    @Test
    void withoutProfilesTheValidityPeriodAppliesToEveryDefaultProfile() throws Exception {
        VantageConfig c = load("""
                {"pebble": {"certificateValidityPeriod": 86400, "profiles": {}}}""", Map.of());
        assertEquals(List.of("classic", "tlsserver", "shortlived"), List.copyOf(c.profiles().keySet()));
        c.profiles().values().forEach(p -> assertEquals(Duration.ofDays(1), p.certificateValidity()));
        assertEquals("classic", c.defaultProfile());
    }

    @Test
    void pebblesMinimalFileKeepsVantagesDefaultsForWhatItLeavesOut() throws Exception {
        VantageConfig c = load("""
                {"pebble": {"listenAddress": ":14000", "managementListenAddress": "", "ocspResponderURL": "test",
                            "keyAlgorithm": "", "caaIdentities": [], "retryAfter": {"authz": 0}}}""", Map.of());
        VantageConfig defaults = VantageConfig.defaults();
        assertEquals("0.0.0.0", c.acme().listenAddress());
        assertEquals(defaults.management(), c.management());
        assertEquals(defaults.ca(), c.ca());
        assertEquals(defaults.acme().retryAfter(), c.acme().retryAfter());
        assertEquals("", c.acme().tlsCertificate());
    }

    @Test
    void addressesReadLocalhostAndBracketedIpv6() throws Exception {
        VantageConfig c = load("""
                {"pebble": {"listenAddress": "localhost:14001", "managementListenAddress": "[::1]:15001"}}""",
                Map.of());
        assertEquals("127.0.0.1", c.acme().listenAddress());
        assertEquals(14001, c.acme().port());
        assertEquals("::1", c.management().listenAddress());
        assertEquals(15001, c.management().port());
    }

    @Test
    void keysMatchCaseInsensitivelyAndNullLeavesASettingAlone() throws Exception {
        VantageConfig c = load("""
                {"Pebble": {"HTTPPort": 80, "TlsPort": null, "RetryAfter": {"AUTHZ": 7}}}""", Map.of());
        assertEquals(80, c.validation().httpPort());
        assertEquals(5001, c.validation().tlsAlpnPort());
        assertEquals(Duration.ofSeconds(7), c.acme().retryAfter());
    }

    @Test
    void theEnvironmentFlagsAndVantageKeysBesidePebbleStillWin() throws Exception {
        String json = """
                {"pebble": {"listenAddress": "0.0.0.0:14000", "httpPort": 5002, "tlsPort": 5001},
                 "validation": {"tlsAlpnPort": 443}}""";
        VantageConfig c = load(json, Map.of("VANTAGE_ACME_PORT", "14001", "VANTAGE_VALIDATION_HTTP_PORT", "8080"),
                "acme.listenAddress=127.0.0.1", "validation.httpPort=80");
        assertEquals(14001, c.acme().port(), "environment over the file");
        assertEquals("127.0.0.1", c.acme().listenAddress(), "flag over the file");
        assertEquals(80, c.validation().httpPort(), "flag over the environment");
        assertEquals(443, c.validation().tlsAlpnPort(), "a Vantage key beside pebble over the translation");
    }

    @Test
    void aPebbleProfileIssuesForIpAddressesAsPebbleDoesAndTheEnvironmentCanNarrowIt() throws Exception {
        String file = """
                {"pebble": {"profiles": {"default": {"description": "d"}}}}""";
        assertEquals(java.util.Set.of("dns", "ip"), load(file, Map.of()).profiles().get("default").identifierTypes());
        VantageConfig narrowed = load(file, Map.of("VANTAGE_PROFILES_DEFAULT_IDENTIFIER_TYPES", "dns"));
        assertEquals(java.util.Set.of("dns"), narrowed.profiles().get("default").identifierTypes());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("{\"listenAddress\": \"0.0.0.0\"}", "pebble.listenAddress", "0.0.0.0"),
                Arguments.of("{\"listenAddress\": \"0.0.0.0:99999\"}", "pebble.listenAddress", "0.0.0.0:99999"),
                Arguments.of("{\"listenAddress\": \"acme.test:14000\"}", "pebble.listenAddress", "acme.test:14000"),
                Arguments.of("{\"managementListenAddress\": \"::1:15000\"}", "pebble.managementListenAddress", "::1:15000"),
                Arguments.of("{\"listenAddress\": 14000}", "pebble.listenAddress", "14000"),
                Arguments.of("{\"httpPort\": 70000}", "pebble.httpPort", "70000"),
                Arguments.of("{\"tlsPort\": \"5001\"}", "pebble.tlsPort", "5001"),
                Arguments.of("{\"certificate\": \"cert.pem\"}", "pebble.privateKey", "\"\""),
                Arguments.of("{\"privateKey\": 7}", "pebble.privateKey", "7"),
                Arguments.of("{\"externalAccountBindingRequired\": \"yes\"}", "pebble.externalAccountBindingRequired", "yes"),
                Arguments.of("{\"externalAccountBindingRequired\": true}", "pebble.externalAccountBindingRequired", "true"),
                Arguments.of("{\"externalAccountMACKeys\": {\"kid-1\": \"c2hvcnQ\"}}",
                        "pebble.externalAccountMACKeys.kid-1", "c2hvcnQ"),
                Arguments.of("{\"domainBlocklist\": \"blocked.example\"}", "pebble.domainBlocklist", "blocked.example"),
                Arguments.of("{\"domainBlocklist\": [\"bad name.example\"]}", "pebble.domainBlocklist", "bad name.example"),
                Arguments.of("{\"caaIdentities\": [\" \"]}", "pebble.caaIdentities", "\" \""),
                Arguments.of("{\"keyAlgorithm\": \"dsa\"}", "pebble.keyAlgorithm", "dsa"),
                Arguments.of("{\"certificateValidityPeriod\": -1}", "pebble.certificateValidityPeriod", "-1"),
                Arguments.of("{\"retryAfter\": {\"authz\": 1.5}}", "pebble.retryAfter.authz", "1.5"),
                Arguments.of("{\"retryAfter\": {\"order\": -5}}", "pebble.retryAfter.order", "-5"),
                Arguments.of("{\"retryAfter\": {\"certificate\": 5}}", "pebble.retryAfter.certificate", "5"),
                Arguments.of("{\"profiles\": [\"default\"]}", "pebble.profiles", "default"),
                Arguments.of("{\"profiles\": {\"default\": 90}}", "pebble.profiles.default", "90"),
                Arguments.of("{\"profiles\": {\"default\": {\"validityPeriod\": \"90d\"}}}",
                        "pebble.profiles.default.validityPeriod", "90d"),
                Arguments.of("{\"profiles\": {\"default\": {\"lifetime\": 90}}}", "pebble.profiles.default.lifetime", "90"),
                Arguments.of("{\"ocspResponderURL\": false}", "pebble.ocspResponderURL", "false"),
                Arguments.of("{\"crlBaseURL\": \"http://localhost/\"}", "pebble.crlBaseURL", "http://localhost/"),
                Arguments.of("{\"httpPort\": 1, \"HttpPort\": 2}", "pebble.HttpPort", "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueNamesThePebbleKeyAndTheValue(String pebble, String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("{\"pebble\": " + pebble + "}", Map.of()));
        assertTrue(e.getMessage().contains(key + " = "), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void pebbleMustHoldAnObject() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("{\"pebble\": []}", Map.of()));
        assertTrue(e.getMessage().startsWith("invalid configuration: pebble = []"), e.getMessage());
    }
}
