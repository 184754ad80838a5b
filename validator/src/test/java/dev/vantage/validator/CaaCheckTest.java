package dev.vantage.validator;

import static dev.vantage.validator.Lab.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.DnsRecords.CaaPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CAA (RFC 8659, RFC 8657) after a passing dns-01 challenge, through the real validator against
 * the mock DNS server on loopback. This CA is {@code vantage.test}; the account is {@value Lab#ACCOUNT}.
 */
class CaaCheckTest {
    private static final String PREVENTS = "CAA record for x.test prevents issuance";

    private Lab lab;
    private ChallengeValidator validator;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        validator = lab.caaValidator(SimulatedNetwork.single());
    }

    @AfterEach
    void stop() {
        validator.close();
        lab.close();
    }

    /** Prepares the zone for one case. */
    interface Zone {
        void apply(DnsRecords records);
    }

    private static Zone caa(String host, CaaPolicy... policies) {
        return records -> records.addCaa(host, List.of(policies));
    }

    private static CaaPolicy issue(String value) {
        return new CaaPolicy("issue", value);
    }

    private static CaaPolicy issuewild(String value) {
        return new CaaPolicy("issuewild", value);
    }

    private static Arguments permits(String sentence, String name, Zone zone) {
        return Arguments.of(sentence, name, zone, null, null);
    }

    private static Arguments refuses(String sentence, String name, Zone zone, ProblemKind kind, String detail) {
        return Arguments.of(sentence, name, zone, kind, detail);
    }

    static Stream<Arguments> treeClimbing() {
        return Stream.of(
                permits("no CAA record anywhere permits issuance", "x.test", records -> { }),
                permits("issue naming this CA permits", "x.test", caa("x.test", issue("vantage.test"))),
                refuses("issue naming another CA refuses, naming the record", "x.test", caa("x.test", issue("other.test")),
                        ProblemKind.CAA, "While processing CAA for x.test: " + PREVENTS
                                + " (issue \"other.test\" is for another CA, not vantage.test)"),
                refuses("a parent's record governs a name without its own", "www.x.test", caa("x.test", issue("other.test")),
                        ProblemKind.CAA, "While processing CAA for www.x.test: " + PREVENTS
                                + " (issue \"other.test\" is for another CA, not vantage.test)"),
                permits("the closest record wins over its parent's", "www.x.test", records -> {
                    records.addCaa("www.x.test", List.of(issue("vantage.test")));
                    records.addCaa("x.test", List.of(issue("other.test")));
                }),
                refuses("climbing reaches the top-level domain", "www.x.test", caa("test", issue(";")),
                        ProblemKind.CAA, "While processing CAA for www.x.test: CAA record for test prevents issuance"
                                + " (issue \";\" forbids every CA)"),
                refuses("a CNAME is followed and the record counts as the original name's", "www.x.test", records -> {
                    records.setCname("www.x.test", "edge.cdn.test");
                    records.addCaa("edge.cdn.test", List.of(issue("other.test")));
                }, ProblemKind.CAA, "While processing CAA for www.x.test: CAA record for www.x.test prevents issuance"
                        + " (issue \"other.test\" is for another CA, not vantage.test)"),
                permits("climbing continues from the original name's parent, not the alias target's", "www.x.test",
                        records -> {
                            records.setCname("www.x.test", "edge.cdn.test");
                            records.addCaa("cdn.test", List.of(issue("other.test")));
                        }),
                refuses("NXDOMAIN below the top level counts as empty and climbing goes on", "www.x.test", records -> {
                    records.setNxdomain("www.x.test");
                    records.addCaa("x.test", List.of(issue("other.test")));
                }, ProblemKind.CAA, "While processing CAA for www.x.test: " + PREVENTS
                        + " (issue \"other.test\" is for another CA, not vantage.test)"),
                refuses("SERVFAIL on CAA is a DNS problem", "x.test", records -> records.setServfail("x.test"),
                        ProblemKind.DNS, "While processing CAA for x.test: DNS problem: SERVFAIL looking up CAA for x.test"
                                + " - the domain's nameservers may be malfunctioning"),
                refuses("SERVFAIL at a parent before any record was found is a DNS problem", "www.x.test",
                        records -> records.setServfail("x.test"), ProblemKind.DNS,
                        "While processing CAA for www.x.test: DNS problem: SERVFAIL looking up CAA for x.test"
                                + " - the domain's nameservers may be malfunctioning"),
                permits("SERVFAIL at a parent after the relevant record was found does not matter", "www.x.test",
                        records -> {
                            records.addCaa("www.x.test", List.of(issue("vantage.test")));
                            records.setServfail("x.test");
                        }),
                refuses("NXDOMAIN at the top-level domain is a DNS problem", "x.test", records -> records.setNxdomain("test"),
                        ProblemKind.DNS, "While processing CAA for x.test: DNS problem: NXDOMAIN looking up CAA for test"
                                + " - check that a DNS record exists for this domain"));
    }

    static Stream<Arguments> properties() {
        String account = "vantage.test; accounturi=" + ACCOUNT;
        return Stream.of(
                refuses("a wildcard uses issuewild when there is one", "*.x.test",
                        caa("x.test", issue("vantage.test"), issuewild("other.test")), ProblemKind.CAA,
                        "While processing CAA for *.x.test: " + PREVENTS
                                + " (issuewild \"other.test\" is for another CA, not vantage.test)"),
                permits("a wildcard's issuewild naming this CA overrides an issue that forbids", "*.x.test",
                        caa("x.test", issue(";"), issuewild("vantage.test"))),
                refuses("a wildcard falls back to issue without issuewild", "*.x.test", caa("x.test", issue("other.test")),
                        ProblemKind.CAA, "While processing CAA for *.x.test: " + PREVENTS
                                + " (issue \"other.test\" is for another CA, not vantage.test)"),
                permits("issuewild is ignored for a name that is not a wildcard", "x.test",
                        caa("x.test", issue("vantage.test"), issuewild(";"))),
                permits("without any issue property nothing is restricted", "x.test",
                        caa("x.test", new CaaPolicy("iodef", "mailto:security@x.test"), issuewild(";"))),
                permits("accounturi equal to the account's URL permits", "x.test", caa("x.test", issue(account))),
                refuses("accounturi of another account refuses", "x.test",
                        caa("x.test", issue("vantage.test; accounturi=https://localhost:14000/acct/2")), ProblemKind.CAA,
                        "While processing CAA for x.test: " + PREVENTS + " (issue \"vantage.test; accounturi="
                                + "https://localhost:14000/acct/2\" is for another account than " + ACCOUNT + ")"),
                permits("validationmethods listing the method used permits", "x.test",
                        caa("x.test", issue("vantage.test; validationmethods=http-01,dns-01"))),
                refuses("validationmethods without the method used refuses", "x.test",
                        caa("x.test", issue("vantage.test; validationmethods=http-01")), ProblemKind.CAA,
                        "While processing CAA for x.test: " + PREVENTS
                                + " (issue \"vantage.test; validationmethods=http-01\" does not allow dns-01)"),
                refuses("a critical unknown tag refuses even beside an issue that permits", "x.test",
                        caa("x.test", issue("vantage.test"), new CaaPolicy(128, "tbs", "unknown")), ProblemKind.CAA,
                        "While processing CAA for x.test: " + PREVENTS
                                + " (the critical property 128 tbs \"unknown\" is not understood)"),
                permits("an unknown tag without the critical flag is ignored", "x.test",
                        caa("x.test", issue("vantage.test"), new CaaPolicy("tbs", "unknown"))),
                permits("a critical iodef is understood", "x.test",
                        caa("x.test", issue("vantage.test"), new CaaPolicy(128, "iodef", "mailto:security@x.test"))),
                refuses("an empty issuer forbids every CA", "x.test", caa("x.test", issue(";")), ProblemKind.CAA,
                        "While processing CAA for x.test: " + PREVENTS + " (issue \";\" forbids every CA)"),
                permits("one authorizing property among several is enough", "x.test",
                        caa("x.test", issue("other.test"), issue("vantage.test"))),
                refuses("the property naming this CA explains the refusal", "x.test",
                        caa("x.test", issue("other.test"), issue(account.replace("/1", "/9")), issue(";")), ProblemKind.CAA,
                        "While processing CAA for x.test: " + PREVENTS + " (issue \"" + account.replace("/1", "/9")
                                + "\" is for another account than " + ACCOUNT + ")"),
                refuses("a malformed value authorizes nobody", "x.test", caa("x.test", issue("vantage.test; accounturi")),
                        ProblemKind.CAA, "While processing CAA for x.test: " + PREVENTS
                                + " (issue \"vantage.test; accounturi\" is malformed)"),
                permits("tags and issuer domains are case-insensitive", "x.test",
                        caa("x.test", new CaaPolicy("ISSUE", "Vantage.TEST"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"treeClimbing", "properties"})
    void theRelevantCaaRecordsDecide(String sentence, String name, Zone zone, ProblemKind kind, String detail) {
        lab.publishDns01(name.replace("*.", ""));
        zone.apply(lab.records);
        ValidationReport report = validator.validate(Lab.accountRequest(name, ChallengeType.DNS_01));
        assertEquals(kind == null ? null : new ValidationProblem(kind, detail), report.problem());
    }

    @Test
    void aFailedChallengeIsReportedWithoutAskingForCaa() {
        lab.records.addCaa("x.test", List.of(issue(";")));
        ValidationReport report = validator.validate(Lab.accountRequest("x.test", ChallengeType.DNS_01));
        assertEquals(new ValidationProblem(ProblemKind.UNAUTHORIZED, "No TXT record found at _acme-challenge.x.test"),
                report.problem());
        assertTrue(lab.dns.history().stream().noneMatch(q -> q.type().equals("CAA")));
    }

    @Test
    void theRecheckAsksOnlyForCaaWithTheMethodThatValidated() {
        lab.records.addCaa("x.test", List.of(issue("vantage.test; validationmethods=http-01")));
        ValidationRequest http01 = Lab.accountRequest("x.test", ChallengeType.HTTP_01);
        assertTrue(validator.checkCaa(http01).valid(), "no http-01 target runs: only CAA is checked");
        assertEquals(new ValidationProblem(ProblemKind.CAA, "While processing CAA for x.test: " + PREVENTS
                        + " (issue \"vantage.test; validationmethods=http-01\" does not allow dns-01)"),
                validator.checkCaa(Lab.accountRequest("x.test", ChallengeType.DNS_01)).problem());
        assertTrue(lab.dns.history().stream().allMatch(q -> q.type().equals("CAA")));
    }

    @Test
    void anIpIdentifierHasNoCaaToConsult() {
        lab.records.addCaa("1.0.0.127.in-addr.arpa", List.of(issue(";")));
        ValidationRequest ip = new ValidationRequest(Identifier.ip("127.0.0.1"), ChallengeType.HTTP_01, "", "",
                ACCOUNT, false);
        assertTrue(validator.checkCaa(ip).valid());
        assertTrue(lab.dns.history().isEmpty());
    }

    @Test
    void aValidatorWithoutCaaIdentitiesIsAuthorizedByNoIssueProperty() {
        lab.publishDns01("x.test");
        lab.records.addCaa("x.test", List.of(issue("vantage.test")));
        try (ChallengeValidator anonymous = lab.validator(Lab.config(80, 443, Lab.TIMEOUT))) {
            assertEquals("While processing CAA for x.test: " + PREVENTS
                            + " (issue \"vantage.test\" is for another CA, not this one (it has no CAA identities))",
                    anonymous.validate(Lab.accountRequest("x.test", ChallengeType.DNS_01)).problem().detail());
        }
    }
}
