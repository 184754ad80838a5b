package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.junit.VantageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3, end to end with certbot 2.x (standalone http-01 on the validation port, one config
 * directory per test, so one account): the README's "Reproducing authorization caching" story.
 * <ul>
 *   <li>a second run inside the window ({@code --force-renewal}) reuses the authorization; a run
 *       after {@code POST /clock/advance {"by":"30d"}} validates again;</li>
 *   <li>{@code --dry-run} deactivates the cached authorization before its order and so validates
 *       again; a plain {@code --force-renewal} after it reuses the dry run's authorization;</li>
 *   <li>after {@code POST /authorizations/flush {"identifier": ...}} the next run validates again,
 *       while a {@code --force-renewal} before the flush was reused.</li>
 * </ul>
 *
 * <p>How a run is judged, with three signals that must agree:
 * <ol>
 *   <li><b>Vantage's validation history</b> ({@code GET /validations?identifier=}): the number of
 *       validation attempts, one per validated challenge however many vantage points took part.
 *       This is the authoritative count.</li>
 *   <li><b>Whether certbot had to answer a challenge</b> ({@link Certbot.Run#answeredAChallenge()}):
 *       certbot logs "Performing the following challenges:" only when an authorization of its order
 *       is not valid, and only then starts its standalone server at all; a reused authorization
 *       means no server and no such line.</li>
 *   <li><b>Requests at the target</b> ({@link Certbot.Run#requestsAtTarget()}): the debug log has a
 *       line "Serving HTTP01 with token" for each validation request the standalone server
 *       answered, compared as none against some.</li>
 * </ol>
 * Both log signals come from the part of the debug log the run added (see {@link Certbot}).
 */
final class CertbotAuthzReuseTest {
    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);
    @TempDir
    static Path tempDir;

    @BeforeAll
    static void requireCertbot() {
        Programs.require("certbot", "certbot", tempDir);
    }

    /** {@code certbot certonly --standalone} for {@code name} with state under {@code dir}; must exit 0. */
    static Certbot.Run standalone(Path dir, String name, String... extra) {
        Certbot.Run run = Certbot.run(ca, dir, Certbot.standalone(ca, name, extra));
        assertTrue(run.succeeded(), run::explanation);
        return run;
    }

    static void assertValidated(Certbot.Run run, String name, int attemptsSoFar) {
        assertEquals(Collections.nCopies(attemptsSoFar, "http-01 valid"), ca.validations(name),
                () -> "this run validated\n" + run.explanation());
        assertTrue(run.answeredAChallenge(), () -> "certbot had to answer a challenge\n" + run.explanation());
        assertTrue(run.requestsAtTarget() > 0, () -> "requests reached the standalone server\n" + run.explanation());
    }

    static void assertReused(Certbot.Run run, String name, int attemptsSoFar) {
        assertEquals(Collections.nCopies(attemptsSoFar, "http-01 valid"), ca.validations(name),
                () -> "no validation this run\n" + run.explanation());
        assertFalse(run.answeredAChallenge(), () -> "certbot had no challenge to answer\n" + run.explanation());
        assertEquals(0, run.requestsAtTarget(), () -> "no request reached the target\n" + run.explanation());
    }

    @Test
    void aSecondRunInsideTheWindowReusesTheAuthorizationAndARunAMonthLaterValidatesAgain() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("window"));
        String name = "window.certbot-reuse.test";

        assertValidated(standalone(dir, name), name, 1);
        assertReused(standalone(dir, name, "--force-renewal"), name, 1);

        ca.managementPost("/clock/advance", "{\"by\":\"30d\"}");
        assertValidated(standalone(dir, name, "--force-renewal"), name, 2);
    }

    @Test
    void aDryRunDeactivatesTheCachedAuthorizationAndValidatesAgainAndAPlainRenewalThenReusesTheNewOne()
            throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("dry-run"));
        String name = "dry-run.certbot-reuse.test";
        assertValidated(standalone(dir, name), name, 1);
        List<String> cached = ca.authorizations(name, "valid");
        assertEquals(1, cached.size());

        Certbot.Run dryRun = standalone(dir, name, "--dry-run");

        assertValidated(dryRun, name, 2);
        assertEquals(cached, ca.authorizations(name, "deactivated"), dryRun::explanation);
        assertReused(standalone(dir, name, "--force-renewal"), name, 2);
    }

    @Test
    void afterAFlushThroughTheManagementApiTheNextRunValidatesAgain() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("flush"));
        String name = "flush.certbot-reuse.test";
        assertValidated(standalone(dir, name), name, 1);
        assertReused(standalone(dir, name, "--force-renewal"), name, 1);

        JsonNode flushed = VantageFixture.json(ca.managementPost("/authorizations/flush",
                "{\"identifier\":\"" + name + "\"}"));

        assertEquals(1, flushed.get("flushed").asInt(), flushed::toString);
        assertValidated(standalone(dir, name, "--force-renewal"), name, 2);
    }
}
