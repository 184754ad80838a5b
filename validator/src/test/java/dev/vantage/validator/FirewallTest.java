package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.config.BlockMode;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.FirewallService;
import dev.vantage.config.IpAddresses;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirewallTest {
    private static final String EU = "198.51.100.30";
    private static final String AP = "203.0.113.40";
    private static final String V6 = "2001:db8::50";

    static FirewallTarget http(String name) {
        return new FirewallTarget(name, IpAddresses.parse("127.0.0.1"), 5002, FirewallService.HTTP_01);
    }

    static FirewallTarget to(String name, String address, int port, FirewallService service) {
        return new FirewallTarget(name, IpAddresses.parse(address), port, service);
    }

    static FirewallRule allow(String name, List<String> targets, String... sources) {
        return FirewallRule.allowOnly(name, targets, List.of(sources));
    }

    static FirewallRule deny(String name, List<String> targets, String... sources) {
        return FirewallRule.denySources(name, targets, List.of(sources));
    }

    /** The name of the rule that blocks, or null when the connection passes. */
    static String blockedBy(List<FirewallRule> rules, String source, FirewallTarget target) {
        return new Firewall(rules).verdict(IpAddresses.parse(source), target) instanceof Firewall.Verdict.Blocked b
                ? b.rule() : null;
    }

    static Stream<Arguments> precedence() {
        List<String> site = List.of("site.test");
        return Stream.of(
                Arguments.of("no rules let everything through", List.of(), EU, http("site.test"), null),
                Arguments.of("an allowlist lets its sources through", List.of(allow("al", site, "198.51.100.0/24")), EU,
                        http("site.test"), null),
                Arguments.of("an allowlist blocks every source not on it", List.of(allow("al", site, "198.51.100.0/24")),
                        AP, http("site.test"), "al"),
                Arguments.of("an IPv4 allowlist blocks an IPv6 source", List.of(allow("al", site, "0.0.0.0/0")), V6,
                        http("site.test"), "al"),
                Arguments.of("::/0 allows every IPv6 source", List.of(allow("al", site, "::/0")), V6, http("site.test"), null),
                Arguments.of("deny beats allow within a rule",
                        List.of(new FirewallRule("both", site, List.of(), List.of(), List.of(), List.of("0.0.0.0/0"),
                                List.of(EU), BlockMode.DROP, Duration.ZERO)), EU, http("site.test"), "both"),
                Arguments.of("deny beats allow across rules, whatever their order",
                        List.of(allow("al", site, "0.0.0.0/0"), deny("no-eu", List.of(), EU)), EU, http("site.test"),
                        "no-eu"),
                Arguments.of("another rule's allow does not lift an allowlist",
                        List.of(allow("al", site, AP), allow("wide", site, "0.0.0.0/0")), EU, http("site.test"), "al"),
                Arguments.of("the first blocking rule in order is reported",
                        List.of(deny("first", site, EU), deny("second", site, "198.51.100.0/24")), EU, http("site.test"),
                        "first"),
                Arguments.of("a rule for another name does not apply", List.of(deny("d", site, EU)), EU,
                        http("other.test"), null),
                Arguments.of("a rule without targets applies to every name", List.of(deny("d", List.of(), EU)), EU,
                        http("anything.test"), "d"),
                Arguments.of("a pattern covers names below it", List.of(deny("d", List.of("*.site.test"), EU)), EU,
                        http("a.b.site.test"), "d"),
                Arguments.of("a pattern does not cover its base name", List.of(deny("d", List.of("*.site.test"), EU)), EU,
                        http("site.test"), null),
                Arguments.of("a pattern does not cover a name that merely ends alike",
                        List.of(deny("d", List.of("*.site.test"), EU)), EU, http("website.test"), null),
                Arguments.of("names match whatever their case and final dot", List.of(deny("d", List.of("Site.Test"), EU)),
                        EU, http("SITE.test."), "d"),
                Arguments.of("an IP target matches the same address however written",
                        List.of(deny("d", List.of("2001:db8::1"), EU)), EU, to("2001:DB8:0::1", "2001:db8::1", 5002,
                                FirewallService.HTTP_01), "d"),
                Arguments.of("a target address block matches the resolved address",
                        List.of(deny("d", List.of(), EU).withAddresses(List.of("127.0.0.0/8"))), EU, http("x.test"), "d"),
                Arguments.of("a target address block outside the resolved address does not apply",
                        List.of(deny("d", List.of(), EU).withAddresses(List.of("10.0.0.0/8"))), EU, http("x.test"), null),
                Arguments.of("a port rule applies to its port", List.of(deny("d", List.of(), EU).withPorts(List.of(5002))),
                        EU, http("x.test"), "d"),
                Arguments.of("a port rule does not apply to other ports",
                        List.of(deny("d", List.of(), EU).withPorts(List.of(443))), EU, http("x.test"), null),
                Arguments.of("a rule without services covers tls-alpn-01",
                        List.of(deny("d", List.of(), EU)), EU, to("x.test", "127.0.0.1", 5001, FirewallService.TLS_ALPN_01),
                        "d"),
                Arguments.of("a rule without services leaves DNS reachable, as in real life",
                        List.of(deny("d", List.of(), EU)), EU, to("x.test", "127.0.0.1", 53, FirewallService.DNS), null),
                Arguments.of("a rule naming DNS blocks DNS",
                        List.of(deny("d", List.of(), EU).withServices(List.of(FirewallService.DNS))), EU,
                        to("x.test", "127.0.0.1", 53, FirewallService.DNS), "d"),
                Arguments.of("a rule naming http-01 leaves tls-alpn-01 alone",
                        List.of(deny("d", List.of(), EU).withServices(List.of(FirewallService.HTTP_01))), EU,
                        to("x.test", "127.0.0.1", 5001, FirewallService.TLS_ALPN_01), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void rulesDecideByTargetThenSource(String name, List<FirewallRule> rules, String source, FirewallTarget target,
                                       String blockingRule) {
        assertEquals(blockingRule, blockedBy(rules, source, target));
    }

    @Test
    void aBlockCarriesItsRulesModeAndDelay() {
        FirewallRule rule = deny("r", List.of(), EU).withBlock(BlockMode.REJECT).withDelay(Duration.ofMillis(5));
        assertEquals(new Firewall.Verdict.Blocked("r", BlockMode.REJECT, Duration.ofMillis(5)),
                new Firewall(List.of(rule)).verdict(IpAddresses.parse(EU), http("x.test")));
        assertEquals(Firewall.Verdict.PASS, Firewall.open().verdict(IpAddresses.parse(EU), http("x.test")));
    }
}
