package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.config.FirewallConfig;
import dev.vantage.config.PerspectivesConfig;
import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.DnsRecords.CaaPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records that only some vantage points see (geo-DNS, split horizon, a stale secondary) against
 * Let's Encrypt's shape: the primary and four remotes (us-east, eu-central, ap-southeast,
 * eu-north), one remote failure allowed. Each perspective's resolver asks the mock DNS server on
 * loopback, which answers from that perspective's view.
 */
class SplitHorizonTest {
    private static final String LABEL = "_acme-challenge.x.test";
    private static final String STALE = "Incorrect TXT record \"stale\" found at " + LABEL;
    private static final String FORBIDS = "While processing CAA for x.test: CAA record for x.test prevents issuance"
            + " (issue \"other.test\" is for another CA, not vantage.test)";

    private Lab lab;
    private ChallengeValidator validator;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        lab.publishDns01("x.test");
        validator = lab.caaValidator(new SimulatedNetwork(PerspectivesConfig.of("le"), FirewallConfig.defaults()));
    }

    @AfterEach
    void stop() {
        validator.close();
        lab.close();
    }

    /** Gives some perspectives their own records. */
    interface Views {
        void apply(DnsRecords records);
    }

    private static Views staleTxt(String... perspectives) {
        return records -> List.of(perspectives).forEach(p -> records.view(p).setTxt(LABEL, "stale"));
    }

    private static Views forbiddingCaa(String... perspectives) {
        return records -> List.of(perspectives).forEach(p ->
                records.view(p).addCaa("x.test", List.of(new CaaPolicy("issue", "other.test"))));
    }

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("one remote with a stale TXT value is within the quorum", staleTxt("us-east"), null, null),
                Arguments.of("two remotes with a stale TXT value fail the secondary validation",
                        staleTxt("eu-central", "ap-southeast"), ProblemKind.UNAUTHORIZED,
                        "During secondary validation: " + STALE),
                Arguments.of("a stale primary fails with its own problem", staleTxt("primary"), ProblemKind.UNAUTHORIZED,
                        STALE),
                Arguments.of("a remote that sees no TXT at all (a stale secondary) is within the quorum",
                        (Views) records -> records.view("eu-north").clearTxt(LABEL), null, null),
                Arguments.of("one remote that sees a forbidding CAA record is within the quorum",
                        forbiddingCaa("ap-southeast"), null, null),
                Arguments.of("two remotes that see a forbidding CAA record fail with the caa problem",
                        forbiddingCaa("us-east", "eu-north"), ProblemKind.CAA, "During secondary validation: " + FORBIDS),
                Arguments.of("a primary that sees a forbidding CAA record fails alone", forbiddingCaa("primary"),
                        ProblemKind.CAA, FORBIDS),
                Arguments.of("two remotes whose nameserver fails on CAA fail with the dns problem",
                        (Views) records -> List.of("us-east", "eu-central").forEach(p -> records.view(p).setServfail("x.test")),
                        ProblemKind.DNS, "During secondary validation: While processing CAA for x.test: DNS problem: "
                                + "SERVFAIL looking up CAA for x.test - the domain's nameservers may be malfunctioning"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void eachPerspectiveValidatesWhatItsViewShows(String sentence, Views views, ProblemKind kind, String detail) {
        views.apply(lab.records);
        ValidationReport report = validator.validate(Lab.accountRequest("x.test", ChallengeType.DNS_01));
        assertEquals(kind == null ? null : new ValidationProblem(kind, detail), report.problem());
    }
}
