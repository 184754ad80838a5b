package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.junit.VantageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's firewall allowlist story (issue #4) end to end with certbot 2.x: one test, five
 * certbot runs in order with one config directory (so one account), the firewall changed through
 * the management API ({@code POST /firewall/rules}) exactly as the README shows it:
 * <ol>
 *   <li>the name's http-01 port admits only 10.0.0.0/8, none of the perspectives:
 *       {@code certbot certonly --standalone} fails, reporting a {@code connection} problem whose
 *       detail contains "Timeout during connect (likely firewall problem)", and its standalone
 *       server served nothing (blocks are simulated before connecting);</li>
 *   <li>{@code --manual --preferred-challenges dns} with hooks that set the TXT record (curl to
 *       {@code /set-txt}) succeeds;</li>
 *   <li>{@code --standalone --force-renewal} succeeds although nothing changed at the firewall:
 *       the history ({@code GET /validations}) has no new attempt, certbot had no challenge to
 *       answer and its standalone server served nothing — the dns-01 authorization was reused;</li>
 *   <li>{@code --standalone --dry-run} fails again as in step 1, because certbot deactivated the
 *       cached authorization ({@code GET /authorizations} shows it deactivated) and so had to
 *       validate over http-01;</li>
 *   <li>after the rule is replaced with one admitting the perspectives' ranges (192.0.2.0/24,
 *       198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), the dry run passes and its standalone
 *       server answered the validation requests.</li>
 * </ol>
 * Each run is judged by its exit, its output, Vantage's validation history and the part of the
 * debug log it added (see {@link Certbot}).
 */
final class CertbotAllowlistStoryTest {
    static final String TIMEOUT = "Timeout during connect (likely firewall problem)";
    /** How certbot 2.x prints each problem the CA reported for a failed challenge. */
    static final Pattern REPORTED = Pattern.compile("Domain: (\\S+)\\s+Type:\\s+(\\S+)\\s+Detail: ([^\\n]*)");

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @TempDir
    static Path tempDir;

    @BeforeAll
    static void requirePrograms() {
        Programs.require("certbot", "certbot", tempDir);
        Programs.require("curl", "curl", tempDir);
    }

    /** {@code POST /firewall/rules}: the site's allowlist for {@code name}'s http-01 port, as in the README. */
    static void putSiteAllowlist(String name, List<String> allow) {
        ca.managementPost("/firewall/rules", "{\"name\":\"site-allowlist\",\"targets\":[\"" + name + "\"],"
                + "\"services\":[\"http-01\"],\"allow\":[\"" + String.join("\",\"", allow) + "\"],\"block\":\"drop\"}");
    }

    /** The problems certbot printed, as {@code "<domain> <type> <detail>"}. */
    static List<String> reportedProblems(Certbot.Run run) {
        List<String> problems = new ArrayList<>();
        Matcher m = REPORTED.matcher(run.output());
        while (m.find()) {
            problems.add(m.group(1) + " " + m.group(2) + " " + m.group(3).strip());
        }
        return problems;
    }

    /**
     * The run failed because http-01 was blocked: certbot reports one {@code connection} problem
     * with the timeout detail, the latest attempt in the history is that problem, and no request
     * reached certbot's standalone server.
     */
    static void assertBlocked(Certbot.Run run, String name, String step) {
        assertFalse(run.succeeded(), () -> step + ": certbot fails\n" + run.explanation());
        List<String> problems = reportedProblems(run);
        assertEquals(1, problems.size(), () -> step + ": one problem reported\n" + run.explanation());
        assertTrue(problems.get(0).startsWith(name + " connection "), () -> step + ": " + problems);
        assertTrue(problems.get(0).contains(TIMEOUT), () -> step + ": " + problems);

        JsonNode attempts = VantageFixture.json(ca.managementGet("/validations?identifier=" + name));
        JsonNode latest = attempts.get(attempts.size() - 1);
        assertEquals("http-01", latest.get("challenge").asText(), step);
        assertEquals("urn:ietf:params:acme:error:connection", latest.get("problem").get("type").asText(), step);
        assertEquals(name + " connection " + latest.get("problem").get("detail").asText(), problems.get(0),
                () -> step + ": certbot printed the problem Vantage recorded");

        assertTrue(run.answeredAChallenge(), () -> step + ": certbot had a challenge to answer\n" + run.explanation());
        assertEquals(0, run.requestsAtTarget(), () -> step + ": nothing reached the standalone server\n" + run.explanation());
    }

    @Test
    void http01IsBlockedDns01PassesStandaloneThenReusesItUntilADryRunDeactivatesItAndOnlyTheFixedAllowlistLetsItPass()
            throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("story"));
        String name = "site.certbot-story.test";

        // 1. The allowlist admits none of the perspectives: http-01 fails.
        putSiteAllowlist(name, List.of("10.0.0.0/8"));
        Certbot.Run blocked = Certbot.run(ca, dir, Certbot.standalone(ca, name));
        assertBlocked(blocked, name, "1. standalone behind the allowlist");
        assertEquals(List.of("http-01 invalid"), ca.validations(name), blocked::explanation);

        // 2. dns-01 with manual hooks succeeds.
        Certbot.Run viaDns = Certbot.run(ca, dir, Certbot.manualDns01(ca, dir, name));
        assertTrue(viaDns.succeeded(), viaDns::explanation);
        assertEquals(List.of("http-01 invalid", "dns-01 valid"), ca.validations(name), viaDns::explanation);
        assertEquals("auth " + name + "\ncleanup " + name + "\n", Programs.read(Certbot.hookLog(dir)),
                viaDns::explanation);
        List<String> cached = ca.authorizations(name, "valid");
        assertEquals(1, cached.size(), viaDns::explanation);

        // 3. standalone "works": the dns-01 authorization is reused, nothing validates, nothing is served.
        Certbot.Run reused = Certbot.run(ca, dir, Certbot.standalone(ca, name, "--force-renewal"));
        assertTrue(reused.succeeded(), reused::explanation);
        assertEquals(List.of("http-01 invalid", "dns-01 valid"), ca.validations(name),
                () -> "3. no new validation attempt\n" + reused.explanation());
        assertFalse(reused.answeredAChallenge(), () -> "3. no challenge to answer\n" + reused.explanation());
        assertEquals(0, reused.requestsAtTarget(), () -> "3. the standalone server served nothing\n" + reused.explanation());
        assertEquals(cached, ca.authorizations(name, "valid"), reused::explanation);

        // 4. The dry run deactivates the cached authorization first, so http-01 is really tried: it fails.
        Certbot.Run dryRun = Certbot.run(ca, dir, Certbot.standalone(ca, name, "--dry-run"));
        assertBlocked(dryRun, name, "4. dry run behind the allowlist");
        assertEquals(cached, ca.authorizations(name, "deactivated"), () -> "4. certbot deactivated it\n" + dryRun.explanation());
        assertEquals(List.of(), ca.authorizations(name, "valid"), dryRun::explanation);
        assertEquals(List.of("http-01 invalid", "dns-01 valid", "http-01 invalid"), ca.validations(name),
                dryRun::explanation);

        // 5. The fixed allowlist admits the perspectives: the dry run passes.
        putSiteAllowlist(name, List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"));
        assertEquals(1, VantageFixture.json(ca.managementGet("/firewall/rules")).size(), "5. the rule was replaced");
        Certbot.Run fixed = Certbot.run(ca, dir, Certbot.standalone(ca, name, "--dry-run"));
        assertTrue(fixed.succeeded(), fixed::explanation);
        assertTrue(fixed.output().contains("The dry run was successful."), fixed::explanation);
        assertEquals(List.of("http-01 invalid", "dns-01 valid", "http-01 invalid", "http-01 valid"),
                ca.validations(name), fixed::explanation);
        assertTrue(fixed.requestsAtTarget() > 0, () -> "5. requests reached the standalone server\n" + fixed.explanation());
    }
}
