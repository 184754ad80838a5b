package dev.vantage.validator;

import static dev.vantage.validator.Lab.CHALLENGE_PATH;
import static dev.vantage.validator.Lab.KEY_AUTHORIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.config.ValidationConfig;
import dev.vantage.config.VantagePointConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChallengeValidatorTest {
    private Lab lab;
    private ChallengeServer target;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        target = ChallengeServer.http(Lab.loopback());
        target.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION);
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        lab.close();
    }

    private static ValidationRequest http01() {
        return Lab.request(Identifier.dns("x.test"), ChallengeType.HTTP_01);
    }

    @Test
    void aReportHoldsThePrimaryPerspectiveWithWhereAndWhenItChecked() {
        ValidationReport report = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT)).validate(http01());
        assertTrue(report.valid());
        assertEquals(http01(), report.request());
        PerspectiveResult primary = report.perspectives().get(0);
        assertEquals("primary", primary.perspective());
        assertTrue(primary.primary());
        assertEquals("192.0.2.10", primary.sourceAddress());
        assertEquals("127.0.0.1", primary.targetAddress());
        assertEquals(target.port(), primary.port());
        assertEquals(Lab.NOW, primary.startedAt());
        assertFalse(primary.took().isNegative());
    }

    @Test
    void theFailingPerspectivesProblemIsTheReportsProblem() {
        target.respond(CHALLENGE_PATH, 200, "not it");
        ValidationReport report = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT)).validate(http01());
        assertFalse(report.valid());
        assertEquals(ProblemKind.UNAUTHORIZED, report.problem().kind());
        assertEquals(report.problem(), report.perspectives().get(0).problem());
    }

    @Test
    void alwaysValidPassesWithoutContactingAnything() {
        ValidationConfig config = new ValidationConfig(target.port(), 443, Lab.TIMEOUT, Lab.TIMEOUT, 2, Duration.ZERO, true,
                Lab.RECHECK);
        lab.dns.clearHistory();
        ValidationReport report = lab.validator(config).validate(
                Lab.request(Identifier.dns("nowhere.test"), ChallengeType.DNS_01));
        assertTrue(report.valid());
        assertEquals("", report.perspectives().get(0).targetAddress());
        assertTrue(lab.dns.history().isEmpty());
        assertTrue(target.seen().isEmpty());
    }

    @Test
    void aConfiguredDelayIsWaitedBeforeChecking() {
        ValidationConfig config = new ValidationConfig(target.port(), 443, Lab.TIMEOUT, Lab.TIMEOUT, 2,
                Duration.ofMillis(50), false, Lab.RECHECK);
        assertTrue(lab.validator(config).validate(http01()).valid());
        assertEquals(1, target.seen().size());
    }

    @Test
    void anInterruptDuringTheDelayEndsTheValidationAndKeepsTheInterrupt() {
        ValidationConfig config = new ValidationConfig(target.port(), 443, Lab.TIMEOUT, Lab.TIMEOUT, 2,
                Duration.ofMinutes(10), false, Lab.RECHECK);
        Thread.currentThread().interrupt();
        ValidationReport report = lab.validator(config).validate(http01());
        assertTrue(Thread.interrupted());
        assertEquals(new ValidationProblem(ProblemKind.SERVER_INTERNAL, "validation was interrupted"), report.problem());
        assertTrue(target.seen().isEmpty());
    }

    @Test
    void anUnexpectedFailureBecomesAGenericServerInternalProblem() {
        ValidationRequest broken = new ValidationRequest(Identifier.dns("x.test"), null, "token", "token.key");
        ValidationReport report = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT)).validate(broken);
        assertEquals(new ValidationProblem(ProblemKind.SERVER_INTERNAL,
                "The server could not complete the validation because of an internal error"), report.problem());
        assertEquals(1, report.perspectives().size());
    }

    @Test
    void evenANullRequestGetsAReportRatherThanAnException() {
        ValidationReport report = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT)).validate(null);
        assertEquals(ProblemKind.SERVER_INTERNAL, report.problem().kind());
    }

    @Test
    void aVantagePointWithABindAddressConnectsAndResolvesFromIt() throws Exception {
        // Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 is a real, distinct source.
        SimulatedNetwork network = Lab.network(List.of(
                VantagePointConfig.of("ap-east", "ap-east", "APNIC", "203.0.113.7").withBindAddress("127.0.0.2")));
        lab.dns.clearHistory();
        ValidationReport report = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT), network).validate(http01());
        assertNull(report.problem());
        PerspectiveResult result = report.perspectives().get(0);
        assertEquals("ap-east", result.perspective());
        assertEquals("203.0.113.7", result.sourceAddress());
        assertEquals("127.0.0.2", target.seen().get(0).remoteAddress());
        assertTrue(target.seen().get(0).userAgent().contains("ap-east"));
        assertEquals(List.of("127.0.0.2"),
                lab.dns.history().stream().map(q -> q.source()).distinct().toList());
    }

    @Test
    void eachValidationAsksDnsAfresh() {
        ChallengeValidator validator = lab.validator(Lab.config(target.port(), 443, Lab.TIMEOUT));
        assertTrue(validator.validate(http01()).valid());
        lab.records.setServfail("x.test");
        assertEquals(ProblemKind.DNS, validator.validate(http01()).problem().kind());
    }
}
