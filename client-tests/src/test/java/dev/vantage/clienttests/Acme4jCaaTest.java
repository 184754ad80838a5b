package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vantage.server.junit.VantageExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.util.CSRBuilder;

/**
 * CAA (RFC 8659) as acme4j meets it: a CAA record that names another CA makes validation fail
 * with a {@code caa} problem; a record added after validation is honoured at finalize once the
 * authorization is older than the re-check window (7 hours, as at Let's Encrypt), which the
 * test reaches by moving Vantage's clock — and ignored before that.
 */
final class Acme4jCaaTest {
    static final URI CAA = URI.create("urn:ietf:params:acme:error:caa");

    @RegisterExtension
    static final VantageExtension VANTAGE = VantageFixture.extension();
    static final VantageFixture ca = VantageFixture.of(VANTAGE);

    static void forbid(String host) {
        ca.managementPost("/add-caa", "{\"host\":\"" + host + ".\",\"policies\":[{\"tag\":\"issue\",\"value\":\"other.test\"}]}");
    }

    /** An order for {@code name} whose dns-01 challenge was answered; returns it once validation ended. */
    static Order validated(Login login, String name, Status expected) throws Exception {
        Order order = login.newOrder().domain(name).create();
        Dns01Challenge challenge = order.getAuthorizations().get(0).findChallenge(Dns01Challenge.class).orElseThrow();
        ca.server().dns().setTxt(Dns01Challenge.toRRName(name), challenge.getDigest());
        Status status = Acme4j.validate(challenge);
        assertEquals(expected, status, () -> Acme4j.describe(challenge.getError()));
        if (expected == Status.INVALID) {
            assertEquals(CAA, challenge.getError().orElseThrow().getType());
            assertTrue(challenge.getError().orElseThrow().getDetail().orElse("").contains("CAA record for " + name),
                    () -> Acme4j.describe(challenge.getError()));
        }
        return order;
    }

    @Test
    void aCaaRecordForAnotherCaFailsValidationWithACaaProblem() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        forbid("forbidden.test");
        validated(login, "forbidden.test", Status.INVALID);
    }

    @Test
    void aCaaRecordAddedAfterValidationIsIgnoredInsideTheRecheckWindow() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = validated(login, "fresh.test", Status.VALID);
        forbid("fresh.test");
        ca.server().clock().advance(Duration.ofHours(6));
        Certificate certificate = Acme4j.finalizeAndDownload(order, Acme4j.ecKeys());
        assertEquals(Set.of("fresh.test"), Certs.dnsNames(certificate.getCertificate()));
    }

    @Test
    void aCaaRecordAddedAfterValidationRefusesFinalizeOnceTheRecheckWindowHasPassed() throws Exception {
        Login login = Acme4j.newAccount(Acme4j.session(ca), Acme4j.ecKeys());
        Order order = validated(login, "late.test", Status.VALID);
        forbid("late.test");
        ca.server().clock().advance(Duration.ofHours(8));
        CSRBuilder csr = new CSRBuilder();
        csr.addDomain("late.test");
        csr.sign(Acme4j.ecKeys());
        AcmeServerException refused = assertThrows(AcmeServerException.class, () -> order.execute(csr.getEncoded()));
        assertEquals(CAA, refused.getType(), refused.getMessage());
        order.fetch();
        assertEquals(Status.INVALID, order.getStatus(), "the re-check failure makes the order invalid");
    }
}
