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

class FirewallConfigTest {
    @TempDir
    Path dir;

    @Test
    void rulesReadFromAFileAreNormalised() throws Exception {
        Path file = dir.resolve("v.json");
        Files.writeString(file, """
                {"firewall": {"rules": [
                    {"name": "site-allowlist", "targets": ["Site.Test.", "*.site.test"], "services": ["http-01"],
                     "allow": ["203.0.113.0/24", "2001:DB8::/32"], "block": "reject", "delay": "1s"},
                    {"name": "no-eu", "deny": ["198.51.100.30"], "ports": [5002], "addresses": ["127.0.0.0/8"]}]}}""");
        List<FirewallRule> rules = ConfigLoader.load(file, Map.of(), List.of()).firewall().rules();
        FirewallRule allowlist = rules.get(0);
        assertEquals(List.of("site.test", "*.site.test"), allowlist.targets());
        assertEquals(List.of(FirewallService.HTTP_01), allowlist.services());
        assertEquals(List.of("203.0.113.0/24", "2001:db8::/32"), allowlist.allow());
        assertEquals(BlockMode.REJECT, allowlist.block());
        assertEquals(Duration.ofSeconds(1), allowlist.delay());
        FirewallRule deny = rules.get(1);
        assertEquals(List.of("198.51.100.30/32"), deny.deny());
        assertEquals(BlockMode.DROP, deny.block());
        assertEquals(Duration.ZERO, deny.delay());
        assertEquals(List.of(), deny.services());
    }

    static Stream<Arguments> badRules() {
        String ok = "\"name\": \"r\", \"deny\": [\"0.0.0.0/0\"]";
        return Stream.of(
                Arguments.of("a rule without a name", "{\"deny\": [\"0.0.0.0/0\"]}", "firewall.rules.0.name", "null"),
                Arguments.of("a rule that neither allows nor denies", "{\"name\": \"r\"}", "firewall.rules.0.allow",
                        "0.0.0.0/0 and ::/0"),
                Arguments.of("an allowed block with host bits", "{\"name\": \"r\", \"allow\": [\"203.0.113.7/24\"]}",
                        "firewall.rules.0.allow.0", "203.0.113.0/24"),
                Arguments.of("a denied block that is a host name", "{\"name\": \"r\", \"deny\": [\"eu.test\"]}",
                        "firewall.rules.0.deny.0", "eu.test"),
                Arguments.of("a target address block too long", "{" + ok + ", \"addresses\": [\"::/200\"]}",
                        "firewall.rules.0.addresses.0", "::/200"),
                Arguments.of("an unknown block mode", "{" + ok + ", \"block\": \"ignore\"}", "firewall.rules.0.block",
                        "ignore"),
                Arguments.of("an unknown service", "{" + ok + ", \"services\": [\"smtp\"]}", "firewall.rules.0.services",
                        "smtp"),
                Arguments.of("port zero", "{" + ok + ", \"ports\": [0]}", "firewall.rules.0.ports.0", "0"),
                Arguments.of("a target with a star inside", "{" + ok + ", \"targets\": [\"a.*.test\"]}",
                        "firewall.rules.0.targets.0", "a.*.test"),
                Arguments.of("a negative delay", "{" + ok + ", \"delay\": \"-PT1S\"}", "firewall.rules.0.delay", "-1s"),
                Arguments.of("two rules with one name", "{" + ok + "}, {" + ok + "}", "firewall.rules.1.name", "\"r\""),
                Arguments.of("a misspelt member", "{" + ok + ", \"alow\": []}", "firewall.rules.0", "alow"));
    }

    @ParameterizedTest(name = "{0} stops with a message naming the key and the value")
    @MethodSource("badRules")
    void badRulesNameTheKeyAndTheValue(String name, String rules, String key, String value) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"firewall\": {\"rules\": [" + rules + "]}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), List.of()));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void aRuleReadFromAManagementBodyNamesItsMembersUnderTheGivenKey() {
        FirewallRule rule = ConfigLoader.read(Map.of("name", "x", "allow", List.of("203.0.113.0/24")),
                FirewallRule.class, "rule");
        assertEquals(FirewallRule.allowOnly("x", List.of(), List.of("203.0.113.0/24")), rule);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(
                Map.of("name", "x", "allow", List.of("nope")), FirewallRule.class, "rule"));
        assertTrue(e.getMessage().contains("rule.allow.0"), e.getMessage());
    }
}
