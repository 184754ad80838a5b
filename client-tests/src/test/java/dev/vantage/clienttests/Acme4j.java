package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vantage.validator.dns.DnsRecords;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.util.CSRBuilder;

/**
 * acme4j wired to a {@link VantageFixture}: a {@link Session} whose HTTP client trusts only
 * Vantage's TLS root, and the steps every flow shares (account, solving a challenge, finalizing
 * with a CSR built by acme4j's {@link CSRBuilder}).
 */
final class Acme4j {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private Acme4j() {
    }

    /** A session on the fixture's directory; TLS trust comes from the server, not the JDK's cacerts. */
    static Session session(VantageFixture ca) {
        return new Session(ca.directory(), new TrustingProvider(ca.server().sslContext()));
    }

    /** A fresh P-256 key pair, for accounts and certificates alike. */
    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }

    /**
     * A fresh RSA 2048 key pair. acme4j 3.5 signs the tls-alpn-01 certificate with SHA256withRSA
     * whatever the key, so that certificate needs one of these.
     */
    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JDK", e);
        }
    }

    /** Registers a new account with {@code keys} (terms agreed) and logs in. */
    static Login newAccount(Session session, KeyPair keys) throws AcmeException {
        return new AccountBuilder().agreeToTermsOfService().useKeyPair(keys).createLogin(session);
    }

    /**
     * Tells the server to validate {@code challenge} and waits until it is valid or invalid; returns
     * that status (the problem of an invalid one is {@code challenge.getError()}).
     */
    static Status validate(Challenge challenge) throws AcmeException, InterruptedException {
        challenge.trigger();
        return await(challenge, Set.of(Status.VALID, Status.INVALID));
    }

    /** Tells the server to validate {@code challenge} and waits until it is valid; fails with the server's problem otherwise. */
    static void complete(Challenge challenge) throws AcmeException, InterruptedException {
        Status status = validate(challenge);
        assertEquals(Status.VALID, status, () -> challenge.getType() + " challenge " + challenge.getLocation()
                + " ended " + status + ": " + describe(challenge.getError()));
    }

    /**
     * Solves every still pending authorization of {@code order} over http-01, as a client that
     * prefers http-01 would: publishes the key authorization on {@code web} and completes the
     * challenge. Valid (reused) authorizations are left alone, as clients do. Returns the tokens
     * published, one per authorization that had to be validated.
     */
    static List<String> solvePendingOverHttp01(Order order, Http01Responder web)
            throws AcmeException, InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (Authorization authz : order.getAuthorizations()) {
            if (authz.getStatus() == Status.PENDING) {
                Http01Challenge challenge = authz.findChallenge(Http01Challenge.class).orElseThrow(
                        () -> new AssertionError("no http-01 challenge offered for " + authz.getIdentifier()));
                web.put(challenge.getToken(), challenge.getAuthorization());
                complete(challenge);
                tokens.add(challenge.getToken());
            }
        }
        return tokens;
    }

    /**
     * Solves every still pending authorization of {@code order} over dns-01 with the TXT record
     * set in Vantage's DNS through the Java API; valid ones are left alone. Returns how many
     * authorizations had to be validated.
     */
    static int solvePendingOverDns01(Order order, DnsRecords dns) throws AcmeException, InterruptedException {
        int solved = 0;
        for (Authorization authz : order.getAuthorizations()) {
            if (authz.getStatus() == Status.PENDING) {
                Dns01Challenge challenge = authz.findChallenge(Dns01Challenge.class).orElseThrow(
                        () -> new AssertionError("no dns-01 challenge offered for " + authz.getIdentifier()));
                dns.setTxt(Dns01Challenge.toRRName(authz.getIdentifier()), challenge.getDigest());
                complete(challenge);
                solved++;
            }
        }
        return solved;
    }

    /**
     * Waits for the order to be ready, finalizes it with a CSR for exactly the order's identifiers
     * (signed with {@code certificateKeys}), waits for it to be valid and downloads the chain.
     */
    static Certificate finalizeAndDownload(Order order, KeyPair certificateKeys) throws Exception {
        Status ready = await(order, Set.of(Status.READY, Status.INVALID));
        assertEquals(Status.READY, ready, () -> "order " + order.getLocation() + ": " + describe(order.getError()));
        CSRBuilder csr = new CSRBuilder();
        csr.addIdentifiers(order.getIdentifiers());
        csr.sign(certificateKeys);
        order.execute(csr.getEncoded());
        Status done = await(order, Set.of(Status.VALID, Status.INVALID));
        assertEquals(Status.VALID, done, () -> "order " + order.getLocation() + ": " + describe(order.getError()));
        Certificate certificate = order.getCertificate();
        certificate.download();
        return certificate;
    }

    /**
     * Polls {@code resource} (POST-as-GET) every {@value #POLL_MILLIS} ms until its status is one of
     * {@code done}, for at most {@link #WAIT}. acme4j's own {@code waitFor…} methods are not used:
     * acme4j 3.5.1 computes the next poll as the response's {@code Date} (whole seconds) plus
     * {@code Retry-After}, and when that instant has already passed it calls
     * {@code Thread.sleep} with a negative value and throws.
     */
    static Status await(PollableResource resource, Set<Status> done) throws AcmeException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            resource.fetch();
            Status status = resource.getStatus();
            if (done.contains(status) || Instant.now().isAfter(deadline)) {
                return status;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static String describe(Optional<Problem> problem) {
        return problem.map(p -> p.getType() + " " + p.getDetail().orElse("")
                + p.getSubProblems().stream().map(s -> "; " + s.getType() + " " + s.getDetail().orElse("")).reduce("", String::concat))
                .orElse("(no problem document)");
    }

    /** acme4j's generic provider with an HTTP client that trusts {@code ssl}'s roots. */
    private static final class TrustingProvider extends GenericAcmeProvider {
        private final SSLContext ssl;

        TrustingProvider(SSLContext ssl) {
            this.ssl = ssl;
        }

        @Override
        protected HttpConnector createHttpConnector(NetworkSettings settings) {
            return new HttpConnector(settings) {
                @Override
                public java.net.http.HttpClient.Builder createClientBuilder() {
                    return super.createClientBuilder().sslContext(ssl);
                }
            };
        }
    }
}
