package dev.vantage.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.config.QuorumConfig;
import dev.vantage.config.QuorumMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuorumTest {
    private static final QuorumConfig BR = QuorumConfig.defaults();
    private static final ValidationProblem PRIMARY = new ValidationProblem(ProblemKind.UNAUTHORIZED, "primary said no");

    /**
     * Remotes written as RIR letters, lower case for a failure: "AR rA" is an ARIN pass, a RIPE
     * pass, a RIPE failure and an APNIC pass (A=ARIN, R=RIPE, P=APNIC, L=LACNIC, F=AFRINIC).
     */
    static List<Quorum.Remote> remotes(String spec) {
        List<Quorum.Remote> out = new ArrayList<>();
        for (char c : spec.replace(" ", "").toCharArray()) {
            String rir = switch (Character.toUpperCase(c)) {
                case 'A' -> "ARIN";
                case 'R' -> "RIPE";
                case 'P' -> "APNIC";
                case 'L' -> "LACNIC";
                default -> "AFRINIC";
            };
            int i = out.size() + 1;
            out.add(new Quorum.Remote("remote-" + i, rir, Character.isUpperCase(c) ? null
                    : new ValidationProblem(ProblemKind.CONNECTION, "remote-" + i + " failed")));
        }
        return out;
    }

    static Stream<Arguments> baselineRequirements() {
        return Stream.of(
                Arguments.of("no remotes leave the primary to decide alone, as with Pebble", "", true),
                Arguments.of("one remote that passes is enough", "A", true),
                Arguments.of("one remote that fails is one failure too many", "a", false),
                Arguments.of("two remotes in two RIRs that pass", "AR", true),
                Arguments.of("two remotes, one failing, leave a single passing RIR", "Ar", false),
                Arguments.of("two remotes that pass in one RIR break the RIR rule", "AA", false),
                Arguments.of("three remotes, one failing, passing in two RIRs", "ARp", true),
                Arguments.of("three remotes, one failing, passing in one RIR", "AAr", false),
                Arguments.of("three remotes, two failing", "Arp", false),
                Arguments.of("four remotes, one failing, as at Let's Encrypt", "ARPr", true),
                Arguments.of("four remotes, two failing", "ARpr", false),
                Arguments.of("five remotes, one failing", "ARPLa", true),
                Arguments.of("five remotes, two failing", "ARPla", false),
                Arguments.of("six remotes, two failing, as the table allows", "ARPLaa", true),
                Arguments.of("six remotes, three failing", "ARPlaa", false),
                Arguments.of("six remotes, two failing, the rest in one RIR", "AAAArp", false),
                Arguments.of("seven remotes, two failing", "ARPLFar", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselineRequirements")
    void theBaselineRequirementsTableAndTheTwoRirRuleDecide(String name, String spec, boolean valid) {
        assertEquals(valid, Quorum.decide(BR, null, remotes(spec)).valid());
    }

    static Stream<Arguments> table() {
        return Stream.of(Arguments.of(0, 0), Arguments.of(1, 0), Arguments.of(2, 1), Arguments.of(5, 1),
                Arguments.of(6, 2), Arguments.of(20, 2));
    }

    @ParameterizedTest(name = "{0} remotes may have {1} failures")
    @MethodSource("table")
    void theTableOfAllowedFailures(int remotes, int allowed) {
        assertEquals(allowed, Quorum.allowedFailures(remotes));
    }

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("all must pass refuses a single failure", new QuorumConfig(QuorumMode.ALL, null, 2), "ARPr", false),
                Arguments.of("all must pass ignores RIRs", new QuorumConfig(QuorumMode.ALL, null, 2), "AAAA", true),
                Arguments.of("log-only passes when every remote fails", new QuorumConfig(QuorumMode.LOG_ONLY, null, 2), "arpl", true),
                Arguments.of("two failures allowed by setting", new QuorumConfig(QuorumMode.BR, 2, 2), "ARpr", true),
                Arguments.of("no failure allowed by setting", new QuorumConfig(QuorumMode.BR, 0, 2), "ARPr", false),
                Arguments.of("the RIR rule turned off accepts one RIR", new QuorumConfig(QuorumMode.BR, null, 1), "AAAa", true),
                Arguments.of("three RIRs required and found", new QuorumConfig(QuorumMode.BR, null, 3), "ARPa", true),
                Arguments.of("three RIRs required, two found", new QuorumConfig(QuorumMode.BR, null, 3), "ARRp", false),
                Arguments.of("more allowed failures than remotes", new QuorumConfig(QuorumMode.BR, 9, 0), "arpl", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void configuredPoliciesDecide(String name, QuorumConfig policy, String spec, boolean valid) {
        assertEquals(valid, Quorum.decide(policy, null, remotes(spec)).valid());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("a failed primary shows its own problem as is", PRIMARY, "", PRIMARY),
                Arguments.of("a failed primary wins even over failed remotes", PRIMARY, "arpl", PRIMARY),
                Arguments.of("a met quorum shows no problem despite a failed remote", null, "ARPl", null),
                Arguments.of("an unmet quorum shows the first failing remote, prefixed", null, "ArPl",
                        new ValidationProblem(ProblemKind.CONNECTION, "During secondary validation: remote-2 failed")),
                Arguments.of("too few RIRs with a failure shows that failure", null, "AAAr",
                        new ValidationProblem(ProblemKind.CONNECTION, "During secondary validation: remote-4 failed")),
                Arguments.of("too few RIRs without any failure is an internal problem that says so", null, "AAAA",
                        new ValidationProblem(ProblemKind.SERVER_INTERNAL, "During secondary validation: 4 remote "
                                + "perspectives passed, but from 1 RIR [ARIN]; at least 2 are required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theClientSeesOneProblemShapedLikeLetsEncrypts(String name, ValidationProblem primary, String spec,
                                                       ValidationProblem expected) {
        assertEquals(expected, Quorum.decide(BR, primary, remotes(spec)).problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselineRequirements")
    void theDecisionCountsWhatItDecidedOn(String name, String spec, boolean valid) {
        Quorum.Decision d = Quorum.decide(BR, null, remotes(spec));
        assertEquals(spec.length(), d.remotes());
        assertEquals(spec.chars().filter(Character::isUpperCase).count(), d.passed());
        assertEquals(spec.length() - Quorum.allowedFailures(spec.length()), d.required());
        assertEquals(valid, d.passed() >= d.required() && d.rirs().size() >= d.requiredRirs());
    }
}
