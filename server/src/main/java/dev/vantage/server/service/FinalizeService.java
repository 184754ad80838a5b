package dev.vantage.server.service;

import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.ca.Csr;
import dev.vantage.server.ca.CsrPolicy;
import dev.vantage.server.ca.IssuedCertificate;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.Authorization;
import dev.vantage.server.model.Certificate;
import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.store.Store;
import dev.vantage.validator.ValidationReport;
import dev.vantage.validator.ValidationRequest;
import dev.vantage.validator.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finalization (RFC 8555 §7.4): a ready order plus an acceptable CSR becomes a certificate, after
 * a fresh CAA check (RFC 8659) of every authorization validated too long ago, as Let's Encrypt does.
 */
public final class FinalizeService {
    private final Store store;
    private final Clock clock;
    private final Profiles profiles;
    private final OrderService orders;
    private final CertificateAuthority ca;
    private final Validator validator;
    private final Duration caaRecheckAfter;

    /**
     * @param validator       runs the CAA re-check from every perspective
     * @param caaRecheckAfter an authorization validated longer ago than this is re-checked
     *                        ({@code validation.caaRecheckAfter})
     */
    public FinalizeService(Store store, Clock clock, Profiles profiles, OrderService orders, CertificateAuthority ca,
                           Validator validator, Duration caaRecheckAfter) {
        this.store = store;
        this.clock = clock;
        this.profiles = profiles;
        this.orders = orders;
        this.ca = ca;
        this.validator = validator;
        this.caaRecheckAfter = caaRecheckAfter;
    }

    /**
     * Issues for a ready order. Any other status is {@code orderNotReady} and a bad CSR is
     * {@code badCSR}; both leave the order as it was, so the client can fix and retry. A CAA
     * re-check that fails makes the order invalid with a {@code caa} problem as its error.
     *
     * @param accountUri the account's URL as this request addressed the server, for CAA
     *                   {@code accounturi} (RFC 8657 §3)
     */
    public Order finalizeOrder(Account account, String accountUri, Order order, byte[] csrDer) {
        Instant now = clock.instant();
        OrderStatus status = orders.status(order, now);
        if (status != OrderStatus.READY) {
            throw notReady(status);
        }
        Csr csr = CsrPolicy.check(csrDer, order.identifiers(), account.key().publicKey());
        claim(order, now);
        try {
            recheckCaa(order, accountUri, now);
            Certificate cert = issue(account, order, csr, now);
            return store.updateOrder(order.id(), o -> o.withCertificate(cert.id())).orElseThrow();
        } catch (RuntimeException e) {
            store.updateOrder(order.id(), o -> o.finalizing() ? o.withFinalizing(false) : o);
            throw e;
        }
    }

    /**
     * One finalization per order: the order turns {@code processing} atomically, so of concurrent
     * requests only one issues and the others get {@code orderNotReady}.
     */
    private void claim(Order order, Instant now) {
        OrderStatus[] seen = {null};
        store.updateOrder(order.id(), o -> {
            seen[0] = orders.status(o, now);
            return seen[0] == OrderStatus.READY ? o.withFinalizing(true) : o;
        });
        if (seen[0] != OrderStatus.READY) {
            throw notReady(seen[0]);
        }
    }

    private Certificate issue(Account account, Order order, Csr csr, Instant now) {
        IssuedCertificate issued = ca.issue(csr, order.identifiers(), now,
                profiles.get(order.profile()).certificateValidity());
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < issued.chains().size(); i++) {
            chains.add(issued.pem(i));
        }
        return store.createCertificate(id -> new Certificate(id, account.id(), order.id(), issued.certificate(),
                chains, now, null));
    }

    private static AcmeProblemException notReady(OrderStatus status) {
        return new AcmeProblemException(ProblemType.ORDER_NOT_READY, "order's status (\"" + status.token()
                + "\") is not acceptable for finalization; it must be \"ready\"");
    }

    /**
     * The Baseline Requirements (§3.2.2.8) let a CA rely on a CAA check for 8 hours; Let's Encrypt
     * re-checks at finalize any authorization validated more than 7 hours earlier, from every
     * perspective, with the method that validated it (for RFC 8657 {@code validationmethods}).
     * Failures are {@code caa} problems whatever their cause, with Boulder's details:
     * {@code rechecking caa: …} for one, one subproblem per identifier for several.
     */
    private void recheckCaa(Order order, String accountUri, Instant now) {
        Instant validatedBefore = now.minus(caaRecheckAfter);
        List<Problem> failures = new ArrayList<>();
        for (Authorization authz : orders.authorizations(order)) {
            if (authz.validatedAt() == null || !authz.validatedAt().isBefore(validatedBefore)) {
                continue;
            }
            ValidationReport report = validator.checkCaa(new ValidationRequest(authz.identifier(), authz.validatedBy(),
                    "", "", accountUri, authz.wildcard()));
            if (!report.valid()) {
                failures.add(Problem.about(authz.identifier().type().token(), authz.orderIdentifier().value(),
                        ProblemType.CAA, "rechecking caa: " + report.problem().detail()));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Problem problem = failures.size() == 1 ? Problem.of(ProblemType.CAA, failures.get(0).detail())
                : Problem.of(ProblemType.CAA, "Rechecking CAA for \"" + failures.get(0).identifier().get("value")
                        + "\" and " + (failures.size() - 1) + " more identifiers failed. Refer to sub-problems for"
                        + " more information").withSubproblems(failures);
        store.updateOrder(order.id(), o -> o.certificate() == null ? o.withError(problem) : o);
        throw new AcmeProblemException(problem);
    }
}
