package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vantage.validator.dns.RcodeStub;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Dns01CheckTest {
    /** base64url(SHA-256(Lab.KEY_AUTHORIZATION)), computed independently of the code under test. */
    private static final String DIGEST = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256());
    private static final String LABEL = "_acme-challenge.x.test";

    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static byte[] sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Lab.KEY_AUTHORIZATION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PerspectiveResult validate(Identifier identifier) {
        ValidationReport report = lab.validator(Lab.config(80, 443, Lab.TIMEOUT))
                .validate(Lab.request(identifier, ChallengeType.DNS_01));
        return report.perspectives().get(0);
    }

    static Stream<Arguments> zones() {
        return Stream.of(
                Arguments.of("the right value among several passes",
                        (ZoneSetup) records -> {
                            records.setTxt(LABEL, "stale value");
                            records.setTxt(LABEL, DIGEST);
                            records.setTxt(LABEL + ".", "another");
                        }, null, null),
                Arguments.of("a CNAME at _acme-challenge delegates the check to its target",
                        (ZoneSetup) records -> {
                            records.setCname(LABEL, "x.acme-delegation.test");
                            records.setTxt("x.acme-delegation.test", DIGEST);
                        }, null, null),
                Arguments.of("a wrong value is quoted",
                        (ZoneSetup) records -> records.setTxt(LABEL, "wrong"),
                        ProblemKind.UNAUTHORIZED, "Incorrect TXT record \"wrong\" found at _acme-challenge.x.test"),
                Arguments.of("several wrong values quote the first and count the rest",
                        (ZoneSetup) records -> {
                            records.setTxt(LABEL, "first");
                            records.setTxt(LABEL, "second");
                            records.setTxt(LABEL, "third");
                        }, ProblemKind.UNAUTHORIZED, "Incorrect TXT record \"first\" (and 2 more) found at _acme-challenge.x.test"),
                Arguments.of("a very long wrong value is shortened to 100 characters",
                        (ZoneSetup) records -> records.setTxt(LABEL, "v".repeat(300)),
                        ProblemKind.UNAUTHORIZED, "Incorrect TXT record \"" + "v".repeat(100) + "...\" found at _acme-challenge.x.test"),
                Arguments.of("no TXT record at all is unauthorized",
                        (ZoneSetup) records -> { },
                        ProblemKind.UNAUTHORIZED, "No TXT record found at _acme-challenge.x.test"),
                Arguments.of("the value of another label does not count",
                        (ZoneSetup) records -> records.setTxt("x.test", DIGEST),
                        ProblemKind.UNAUTHORIZED, "No TXT record found at _acme-challenge.x.test"),
                Arguments.of("SERVFAIL is a DNS problem",
                        (ZoneSetup) records -> records.setServfail(LABEL),
                        ProblemKind.DNS, "DNS problem: SERVFAIL looking up TXT for _acme-challenge.x.test"
                                + " - the domain's nameservers may be malfunctioning"),
                Arguments.of("NXDOMAIN is a DNS problem that says to check the record exists",
                        (ZoneSetup) records -> records.setNxdomain(LABEL),
                        ProblemKind.DNS, "DNS problem: NXDOMAIN looking up TXT for _acme-challenge.x.test"
                                + " - check that a DNS record exists for this domain"),
                Arguments.of("SERVFAIL at the CNAME target is a DNS problem too",
                        (ZoneSetup) records -> {
                            records.setCname(LABEL, "broken.test");
                            records.setServfail("broken.test");
                        }, ProblemKind.DNS, "DNS problem: SERVFAIL looking up TXT for _acme-challenge.x.test"
                                + " - the domain's nameservers may be malfunctioning"));
    }

    /** Prepares the zone for one case. */
    interface ZoneSetup {
        void apply(dev.vantage.validator.dns.DnsRecords records);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zones")
    void theTxtRecordDecides(String sentence, ZoneSetup setup, ProblemKind kind, String detail) {
        setup.apply(lab.records);
        PerspectiveResult result = validate(Identifier.dns("x.test"));
        assertEquals(kind == null ? null : new ValidationProblem(kind, detail), result.problem());
        assertEquals("", result.targetAddress());
        assertEquals(0, result.port());
    }

    @Test
    void aWildcardIsValidatedAtItsBaseName() {
        lab.records.setTxt(LABEL, DIGEST);
        assertNull(validate(Identifier.dns("*.x.test")).problem());
    }

    @Test
    void anIpIdentifierCannotUseDns01() {
        assertEquals(new ValidationProblem(ProblemKind.REJECTED_IDENTIFIER,
                "dns-01 cannot validate IP address identifier 127.0.0.1"), validate(Identifier.ip("127.0.0.1")).problem());
    }

    @Test
    void nxdomainFromAnExternalResolverIsADnsProblem() throws Exception {
        try (RcodeStub resolver = new RcodeStub(RcodeStub.NXDOMAIN)) {
            ValidationReport report = new ChallengeValidator(Lab.config(443, 443, Lab.TIMEOUT), resolver.address(),
                    Clock.fixed(Lab.NOW, ZoneOffset.UTC)).validate(Lab.request(Identifier.dns("x.test"), ChallengeType.DNS_01));
            assertEquals(new ValidationProblem(ProblemKind.DNS, "DNS problem: NXDOMAIN looking up TXT for "
                    + "_acme-challenge.x.test - check that a DNS record exists for this domain"), report.problem());
        }
    }

    @Test
    void aResolverThatNeverAnswersTimesOut() throws Exception {
        try (RcodeStub silent = new RcodeStub(RcodeStub.SILENT)) {
            ValidationReport report = new ChallengeValidator(Lab.config(443, 443, Duration.ofMillis(300)), silent.address(),
                    Clock.fixed(Lab.NOW, ZoneOffset.UTC)).validate(Lab.request(Identifier.dns("x.test"), ChallengeType.DNS_01));
            assertEquals(new ValidationProblem(ProblemKind.DNS,
                    "DNS problem: query timed out looking up TXT for _acme-challenge.x.test"), report.problem());
        }
    }
}
