package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.server.VantageServer;
import dev.vantage.server.junit.WithVantage;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.util.KeyPairUtils;

/** The README's "Embedding in a JUnit 5 test" example, verbatim between the markers. */
@WithVantage
class ReadmeExampleTest {
    // README-EXAMPLE-START
    @Test
    void theSecondOrderReusesTheAuthorization(VantageServer ca) throws Exception {
        SSLContext.setDefault(ca.sslContext()); // trust Vantage's HTTPS listener
        var account = new AccountBuilder().agreeToTermsOfService()
                .useKeyPair(KeyPairUtils.createKeyPair(2048)).create(new Session(ca.directory()));
        Order first = account.newOrder().domain("site.test").create();
        var dns01 = first.getAuthorizations().get(0).findChallenge(Dns01Challenge.class).orElseThrow();
        ca.dns().setTxt(Dns01Challenge.toRRName("site.test"), dns01.getDigest());
        dns01.trigger();
        first.waitUntilReady(Duration.ofSeconds(10));
        first.execute(KeyPairUtils.createKeyPair(2048));
        assertEquals(Status.VALID, first.waitForCompletion(Duration.ofSeconds(10)));

        Order second = account.newOrder().domain("site.test").create();
        assertEquals(Status.READY, second.getStatus()); // no challenge this time: the authorization was reused
        assertEquals(1, ca.validations().find(attempt -> true).size());
    }
    // README-EXAMPLE-END

    @Test
    void theReadmeShowsThisVeryExample() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/java/dev/vantage/clienttests/ReadmeExampleTest.java"));
        String example = source.split("// README-EXAMPLE-START\n")[1].split("    // README-EXAMPLE-END")[0];
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        org.junit.jupiter.api.Assertions.assertTrue(readme.contains(example.stripTrailing()),
                "README.md must show the example exactly as this test runs it");
    }
}
