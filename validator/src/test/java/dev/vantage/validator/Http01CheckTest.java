package dev.vantage.validator;

import static dev.vantage.validator.Lab.CHALLENGE_PATH;
import static dev.vantage.validator.Lab.KEY_AUTHORIZATION;
import static dev.vantage.validator.Lab.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Http01CheckTest {
    private Lab lab;
    private ChallengeServer target;
    private int port;
    private String url;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        target = ChallengeServer.http(Lab.loopback());
        port = target.port();
        url = "http://x.test:" + port + CHALLENGE_PATH;
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        lab.close();
    }

    private PerspectiveResult validate(String name) {
        return validate(Identifier.dns(name), Lab.TIMEOUT, 443);
    }

    private PerspectiveResult validate(Identifier identifier, Duration timeout, int tlsAlpnPort) {
        ValidationReport report = lab.validator(Lab.config(port, tlsAlpnPort, timeout))
                .validate(Lab.request(identifier, ChallengeType.HTTP_01));
        assertEquals(1, report.perspectives().size());
        assertEquals(report.problem(), report.perspectives().get(0).problem());
        return report.perspectives().get(0);
    }

    private static void assertProblem(PerspectiveResult result, ProblemKind kind, String detail) {
        assertEquals(new ValidationProblem(kind, detail), result.problem());
    }

    @Test
    void theRightBodyPassesAndTheRequestLooksLikeLetsEncrypts() {
        target.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION);
        PerspectiveResult result = validate("x.test");
        assertNull(result.problem());
        assertEquals("127.0.0.1", result.targetAddress());
        assertEquals(port, result.port());
        ChallengeServer.Seen request = target.seen().get(0);
        assertEquals("x.test", request.host());
        assertTrue(request.userAgent().contains("Vantage") && request.userAgent().contains("primary"), request.userAgent());
    }

    @Test
    void trailingWhitespaceAfterTheKeyAuthorizationIsIgnored() {
        target.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION + "\r\n \t\n");
        assertNull(validate("x.test").problem());
    }

    @Test
    void aWrongBodyIsQuotedInTheDetail() {
        target.respond(CHALLENGE_PATH, 200, "wrong \"key\"\n");
        assertProblem(validate("x.test"), ProblemKind.UNAUTHORIZED,
                "127.0.0.1: Invalid response from " + url + ": \"wrong \\\"key\\\"\\n\"");
    }

    @Test
    void onlyTheFirst128BytesOfALargeBodyAreQuotedAndTheRestIsNotRead() {
        target.respond(CHALLENGE_PATH, 200, "x".repeat(4 * 1024 * 1024));
        assertProblem(validate("x.test"), ProblemKind.UNAUTHORIZED,
                "127.0.0.1: Invalid response from " + url + ": \"" + "x".repeat(128) + "\"");
    }

    @Test
    void aStatusOtherThan200IsUnauthorized() {
        assertProblem(validate("x.test"), ProblemKind.UNAUTHORIZED, "127.0.0.1: Invalid response from " + url + ": 404");
    }

    @Test
    void aChainOfRedirectsToOtherNamesIsFollowed() {
        target.redirect(CHALLENGE_PATH, 302, "/step-one")
                .redirect("/step-one", 301, "http://other.test:" + port + "/step-two?q=1")
                .redirect("/step-two", 307, "http://third.test/at-last")
                .respond("/at-last", 200, KEY_AUTHORIZATION);
        PerspectiveResult result = validate("x.test");
        assertNull(result.problem());
        // Host names the identifier without the port on every hop; an implicit port means the http-01 port.
        assertEquals(List.of("x.test", "x.test", "other.test", "third.test"),
                target.seen().stream().map(ChallengeServer.Seen::host).collect(Collectors.toList()));
        assertEquals(List.of(CHALLENGE_PATH, "/step-one", "/step-two", "/at-last"),
                target.seen().stream().map(ChallengeServer.Seen::path).collect(Collectors.toList()));
    }

    @Test
    void aRedirectLoopIsDetected() {
        target.redirect(CHALLENGE_PATH, 302, "/elsewhere").redirect("/elsewhere", 302, CHALLENGE_PATH);
        assertProblem(validate("x.test"), ProblemKind.CONNECTION, "127.0.0.1: Fetching " + url + ": Redirect loop detected");
    }

    @Test
    void moreThanTenRedirectsAreTooMany() {
        target.redirect(CHALLENGE_PATH, 302, "/r0");
        for (int i = 0; i < 11; i++) {
            target.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        assertProblem(validate("x.test"), ProblemKind.CONNECTION,
                "127.0.0.1: Fetching http://x.test:" + port + "/r10: Too many redirects");
        assertEquals(11, target.seen().size());
    }

    @Test
    void aRedirectToAPortThatIsNotAValidationPortIsRefused() {
        target.redirect(CHALLENGE_PATH, 302, "http://x.test:8081/elsewhere");
        assertProblem(validate("x.test"), ProblemKind.CONNECTION, "127.0.0.1: Fetching http://x.test:8081/elsewhere: "
                + "Invalid port in redirect target. Only ports " + port + " and 443 are supported, not 8081");
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        target.redirect(CHALLENGE_PATH, 302, "ftp://x.test/file");
        assertProblem(validate("x.test"), ProblemKind.CONNECTION, "127.0.0.1: Fetching ftp://x.test/file: "
                + "Invalid protocol scheme in redirect target. Only \"http\" and \"https\" protocol schemes are supported, not \"ftp\"");
    }

    @Test
    void anHttpsRedirectTargetIsFetchedWithoutCertificateVerification() throws Exception {
        var keys = TestCertificates.keyPair();
        var certificate = TestCertificates.selfSigned(keys, new org.bouncycastle.asn1.x509.GeneralName[] {
                TestCertificates.dnsName("not-the-name.test")});
        try (ChallengeServer https = ChallengeServer.https(Lab.loopback(), TestCertificates.serverContext(keys, certificate))) {
            https.respond("/secure", 200, KEY_AUTHORIZATION);
            target.redirect(CHALLENGE_PATH, 301, "https://secure.test:" + https.port() + "/secure");
            PerspectiveResult result = validate(Identifier.dns("x.test"), Lab.TIMEOUT, https.port());
            assertNull(result.problem());
            assertEquals(https.port(), result.port());
            assertEquals("secure.test", https.seen().get(0).host());
        }
    }

    @Test
    void aRefusedConnectionNamesTheAddressAndUrl() throws Exception {
        port = Lab.closedPort();
        PerspectiveResult result = validate("x.test");
        assertProblem(result, ProblemKind.CONNECTION,
                "127.0.0.1: Fetching http://x.test:" + port + CHALLENGE_PATH + ": Connection refused");
        assertEquals("127.0.0.1", result.targetAddress());
    }

    @Test
    void aServerSlowerThanTheReadTimeoutTimesOutAfterConnect() {
        target.slow(CHALLENGE_PATH, 5_000, KEY_AUTHORIZATION);
        assertProblem(validate(Identifier.dns("x.test"), Lab.SHORT, 443), ProblemKind.CONNECTION,
                "127.0.0.1: Fetching " + url + ": Timeout after connect (your server may be slow or overloaded)");
    }

    @Test
    void aDnsFailureIsADnsProblemAndNothingIsContacted() {
        lab.records.setServfail("x.test");
        PerspectiveResult result = validate("x.test");
        assertProblem(result, ProblemKind.DNS,
                "DNS problem: SERVFAIL looking up A for x.test - the domain's nameservers may be malfunctioning");
        assertEquals("", result.targetAddress());
        assertEquals(0, result.port());
        assertTrue(target.seen().isEmpty());
    }

    @Test
    void aNameWithoutAddressesIsADnsProblem() {
        lab.records.setDefaultIpv4("");
        assertProblem(validate("x.test"), ProblemKind.DNS, "DNS problem: No valid IP addresses found for x.test");
    }

    @Test
    void ipv6IsTriedFirstAndIpv4IsTheFallbackOnANetworkFailure() {
        target.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION);
        lab.records.addAaaa("x.test", List.of("::1")); // nothing listens on [::1]:port
        PerspectiveResult result = validate("x.test");
        assertNull(result.problem());
        assertEquals("127.0.0.1", result.targetAddress());
    }

    @Test
    void ipv6IsPreferredWhenItAnswers() throws Exception {
        try (ChallengeServer six = ChallengeServer.http(InetAddress.getByName("::1"))) {
            six.respond(CHALLENGE_PATH, 200, KEY_AUTHORIZATION);
            port = six.port();
            lab.records.addAaaa("x.test", List.of("::1"));
            PerspectiveResult result = validate("x.test");
            assertNull(result.problem());
            assertEquals("::1", result.targetAddress());
        }
    }

    @Test
    void anIpIdentifierIsFetchedWithoutDnsAndNamedInTheHostHeader() {
        target.respond(CHALLENGE_PATH, 200, "nope");
        lab.dns.clearHistory();
        PerspectiveResult result = validate(Identifier.ip("127.0.0.1"), Lab.TIMEOUT, 443);
        assertProblem(result, ProblemKind.UNAUTHORIZED,
                "127.0.0.1: Invalid response from http://127.0.0.1:" + port + CHALLENGE_PATH + ": \"nope\"");
        assertEquals("127.0.0.1", target.seen().get(0).host());
        assertTrue(lab.dns.history().isEmpty());
    }

    @Test
    void theTokenIsPartOfThePath() {
        target.respond("/.well-known/acme-challenge/" + TOKEN, 200, KEY_AUTHORIZATION);
        assertNull(validate("x.test").problem());
        assertEquals(CHALLENGE_PATH, target.seen().get(0).path());
    }
}
