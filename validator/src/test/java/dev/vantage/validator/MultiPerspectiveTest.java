package dev.vantage.validator;

import static dev.vantage.validator.Lab.CHALLENGE_PATH;
import static dev.vantage.validator.Lab.KEY_AUTHORIZATION;
import static dev.vantage.validator.Lab.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.BlockMode;
import dev.vantage.config.FirewallConfig;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.FirewallService;
import dev.vantage.config.PerspectivesConfig;
import dev.vantage.config.ValidationConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default Let's Encrypt-shaped network (primary 192.0.2.10; remotes us-east 198.51.100.20,
 * eu-central 198.51.100.30, ap-southeast 203.0.113.40, eu-north 2001:db8::50) against a real
 * http-01 target, with firewall rules in front of it.
 */
class MultiPerspectiveTest {
    private static final String US_EAST = "198.51.100.20";
    private static final String AP_SOUTHEAST = "203.0.113.40";

    private Lab lab;
    private ChallengeServer target;
    private SimulatedNetwork network;
    private ChallengeValidator validator;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        target = ChallengeServer.http(Lab.loopback());
        target.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION);
        network = new SimulatedNetwork(PerspectivesConfig.of("le"), FirewallConfig.defaults());
        validator = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT), network);
    }

    @AfterEach
    void stop() throws Exception {
        validator.close();
        target.close();
        lab.close();
    }

    private ValidationReport validate(ChallengeType type) {
        return validator.validate(Lab.request(Identifier.dns("x.test"), type));
    }

    private String dropped() {
        return "127.0.0.1: Fetching http://x.test:" + target.port() + "/.well-known/acme-challenge/" + TOKEN
                + ": Timeout during connect (likely firewall problem)";
    }

    private static FirewallRule deny(String... sources) {
        return FirewallRule.denySources("deny", List.of("x.test"), List.of(sources));
    }

    private static PerspectiveResult result(ValidationReport report, String perspective) {
        return report.perspectives().stream().filter(p -> p.perspective().equals(perspective)).findFirst().orElseThrow();
    }

    @Test
    void oneBlockedRemoteOfFourStillValidatesAndIsRecordedWithTheTargetItWouldHaveUsed() {
        network.putRule(deny(US_EAST));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertTrue(report.valid(), String.valueOf(report.problem()));
        assertEquals(List.of("primary", "us-east", "eu-central", "ap-southeast", "eu-north"),
                report.perspectives().stream().map(PerspectiveResult::perspective).toList());
        PerspectiveResult blocked = result(report, "us-east");
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, dropped()), blocked.problem());
        assertEquals(List.of(US_EAST, "127.0.0.1", target.port()),
                List.of(blocked.sourceAddress(), blocked.targetAddress(), blocked.port()));
        assertEquals(4, target.seen().size(), "the blocked perspective never connected");
    }

    @Test
    void twoBlockedRemotesFailWithTheFirstOnesProblemPrefixedLikeLetsEncrypt() {
        network.putRule(deny(AP_SOUTHEAST, US_EAST));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, "During secondary validation: " + dropped()),
                report.problem());
        assertEquals(5, report.perspectives().size());
        assertTrue(report.subproblems().isEmpty());
    }

    @Test
    void aRejectingAllowlistLooksLikeARefusedConnection() {
        network.putRule(new FirewallRule("allowlist", List.of("x.test"), List.of(), List.of(), List.of(),
                List.of("192.0.2.0/24", "198.51.100.0/24"), List.of(), BlockMode.REJECT, Duration.ZERO));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, "During secondary validation: 127.0.0.1: Fetching http://x.test:"
                + target.port() + "/.well-known/acme-challenge/" + TOKEN + ": Connection refused"), report.problem());
        assertFalse(result(report, "eu-north").passed(), "an IPv4 allowlist leaves the IPv6 perspective out");
    }

    @Test
    void aBlockedPrimaryFailsWithItsOwnProblemAndNoRemoteIsAsked() {
        network.putRule(deny("192.0.2.10"));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, dropped()), report.problem());
        assertEquals(List.of("primary"), report.perspectives().stream().map(PerspectiveResult::perspective).toList());
        assertTrue(target.seen().isEmpty());
    }

    @Test
    void concurrentlyEveryPerspectiveIsAskedEvenWhenThePrimaryFails() {
        network.setPerspectives(network.perspectives().withConcurrent(true));
        network.putRule(deny("192.0.2.10"));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, dropped()), report.problem());
        assertEquals(5, report.perspectives().size());
        assertEquals(4, target.seen().size());
    }

    @Test
    void subproblemsNameEachFailedPerspective() {
        network.setPerspectives(network.perspectives().withSubproblems(true));
        network.putRule(deny(US_EAST, "2001:db8::/32"));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(List.of("us-east (ARIN, 198.51.100.20): " + dropped(), "eu-north (RIPE, 2001:db8::50): " + dropped()),
                report.subproblems().stream().map(ValidationProblem::detail).toList());
    }

    private void publishTxt() {
        lab.records.setTxt("_acme-challenge.x.test", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Details.sha256(KEY_AUTHORIZATION)));
    }

    @Test
    void aRuleOnTheDnsServiceBlocksDns01AndRecordsTheResolver() {
        publishTxt();
        network.putRule(deny(US_EAST, AP_SOUTHEAST).withServices(List.of(FirewallService.DNS)));
        ValidationReport report = validate(ChallengeType.DNS_01);
        assertEquals(new ValidationProblem(ProblemKind.DNS, "During secondary validation: DNS problem: query timed out "
                + "looking up TXT for _acme-challenge.x.test"), report.problem());
        PerspectiveResult blocked = result(report, "us-east");
        assertEquals(List.of("127.0.0.1", lab.dns.port()), List.of(blocked.targetAddress(), blocked.port()));
        network.putRule(deny(US_EAST, AP_SOUTHEAST).withServices(List.of(FirewallService.DNS)).withBlock(BlockMode.REJECT));
        assertEquals("During secondary validation: DNS problem: networking error looking up TXT for _acme-challenge.x.test",
                validate(ChallengeType.DNS_01).problem().detail());
    }

    @Test
    void aRuleThatNamesNoServiceLeavesDnsReachable() {
        publishTxt();
        network.putRule(deny("0.0.0.0/0", "::/0"));
        assertTrue(validate(ChallengeType.DNS_01).valid());
        assertFalse(validate(ChallengeType.HTTP_01).valid());
    }

    @Test
    void http01RulesMatchTheHostOfEachRedirectHop() {
        String elsewhere = "http://cdn.x.test:" + target.port() + "/key";
        target.redirect(CHALLENGE_PATH, 302, elsewhere).respond("/key", 200, KEY_AUTHORIZATION);
        network.putRule(FirewallRule.denySources("cdn", List.of("*.x.test"), List.of("192.0.2.10")));
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION, "127.0.0.1: Fetching " + elsewhere
                + ": Timeout during connect (likely firewall problem)"), validate(ChallengeType.HTTP_01).problem());
        assertEquals(1, target.seen().size(), "the first hop went through, the redirect's host was blocked");
    }

    @Test
    void tlsAlpn01IsBlockedBeforeItConnects() throws Exception {
        int closed = Lab.closedPort();
        ChallengeValidator tls = lab.validator(Lab.config(target.port(), closed, Lab.TIMEOUT), network);
        network.putRule(deny("192.0.2.10"));
        ValidationReport report = tls.validate(Lab.request(Identifier.dns("x.test"), ChallengeType.TLS_ALPN_01));
        tls.close();
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION,
                "127.0.0.1: Timeout during connect (likely firewall problem)"), report.problem());
        assertEquals(closed, report.perspectives().get(0).port());
    }

    @Test
    void aBlockedIpv6AddressFallsBackToIpv4() {
        lab.records.addAaaa("x.test", List.of("::1"));
        network.putRule(deny("0.0.0.0/0", "::/0").withAddresses(List.of("::1/128")));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertTrue(report.valid(), String.valueOf(report.problem()));
        assertEquals("127.0.0.1", report.perspectives().get(0).targetAddress());
    }

    @Test
    void forcedFailuresCountAgainstTheQuorumAndSayTheyWereForced() {
        network.updatePoint("us-east", p -> p.withForcedFailure("connection"));
        assertTrue(validate(ChallengeType.HTTP_01).valid());
        network.updatePoint("eu-central", p -> p.withForcedFailure("dns"));
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION,
                "During secondary validation: Forced connection failure at vantage point us-east (198.51.100.20)"),
                validate(ChallengeType.HTTP_01).problem());
    }

    @Test
    void disabledRemotesAreNotAskedAndShrinkTheQuorum() {
        network.updatePoint("us-east", p -> p.withEnabled(false));
        network.updatePoint("eu-central", p -> p.withEnabled(false));
        network.updatePoint("ap-southeast", p -> p.withEnabled(false));
        network.putRule(deny("2001:db8::/32"));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertEquals(2, report.perspectives().size());
        assertEquals("During secondary validation: " + dropped(), report.problem().detail(), "one remote: no failure allowed");
    }

    @Test
    void aPerspectiveThatRunsPastTheTimeoutIsCancelledAndRecorded() {
        network.setPerspectives(network.perspectives().withTimeout(Duration.ofMillis(300)));
        network.updatePoint("eu-central", p -> p.withLatency(Duration.ofMinutes(10)));
        ValidationReport report = validate(ChallengeType.HTTP_01);
        assertTrue(report.valid(), "one slow remote of four is one failure");
        assertEquals(new ValidationProblem(ProblemKind.CONNECTION,
                "Validation from vantage point eu-central did not finish within 300ms"), result(report, "eu-central").problem());
    }

    @Test
    void everyPerspectiveAsksDnsItself() {
        lab.dns.clearHistory();
        assertTrue(validate(ChallengeType.HTTP_01).valid());
        assertEquals(5, lab.dns.history().stream().filter(q -> q.name().startsWith("x.test") && q.type().equals("A"))
                .count(), "no perspective reused another's answer");
    }

    @Test
    void changesApplyToTheNextValidation() {
        assertTrue(validate(ChallengeType.HTTP_01).valid());
        network.putRule(deny(US_EAST, AP_SOUTHEAST));
        assertFalse(validate(ChallengeType.HTTP_01).valid());
        network.putRule(deny(US_EAST));
        assertTrue(validate(ChallengeType.HTTP_01).valid(), "a rule with the same name replaces the old one");
        network.usePreset("single");
        network.putRule(deny("192.0.2.10"));
        assertEquals(List.of("primary"), validate(ChallengeType.HTTP_01).perspectives().stream()
                .map(PerspectiveResult::perspective).toList());
        assertTrue(network.removeRule("deny"));
        assertFalse(network.removeRule("deny"));
        assertNull(validate(ChallengeType.HTTP_01).problem());
    }

    @Test
    void everyForcedFailureTypeIsAProblemKind() {
        for (String type : dev.vantage.config.VantagePointConfig.FAILURE_TYPES) {
            assertEquals(type, ProblemKind.fromAcmeCode(type).acmeCode());
        }
    }

    @Test
    void alwaysValidSkipsTheNetworkForEveryPerspective() {
        ValidationConfig always = new ValidationConfig(target.port(), 443, Lab.TIMEOUT, Lab.TIMEOUT, 2, Duration.ZERO, true,
                Lab.RECHECK);
        network.putRule(deny("0.0.0.0/0", "::/0"));
        try (ChallengeValidator v = lab.validator(always, network)) {
            ValidationReport report = v.validate(Lab.request(Identifier.dns("x.test"), ChallengeType.HTTP_01));
            assertTrue(report.valid());
            assertEquals(5, report.perspectives().size());
        }
    }
}
