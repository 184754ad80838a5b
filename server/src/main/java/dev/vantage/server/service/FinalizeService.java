package dev.vantage.server.service;

import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.ca.Csr;
import dev.vantage.server.ca.CsrPolicy;
import dev.vantage.server.ca.IssuedCertificate;
import dev.vantage.server.model.Account;
import dev.vantage.server.model.Certificate;
import dev.vantage.server.model.CertificateId;
import dev.vantage.server.model.Order;
import dev.vantage.server.model.OrderStatus;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Finalization (RFC 8555 §7.4): a ready order plus an acceptable CSR becomes a certificate. */
public final class FinalizeService {
    private final Store store;
    private final Clock clock;
    private final Profiles profiles;
    private final OrderService orders;
    private final CertificateAuthority ca;

    public FinalizeService(Store store, Clock clock, Profiles profiles, OrderService orders, CertificateAuthority ca) {
        this.store = store;
        this.clock = clock;
        this.profiles = profiles;
        this.orders = orders;
        this.ca = ca;
    }

    /**
     * Issues for a ready order. Any other status is {@code orderNotReady} and a bad CSR is
     * {@code badCSR}; both leave the order as it was, so the client can fix and retry.
     */
    public Order finalizeOrder(Account account, Order order, byte[] csrDer) {
        Instant now = clock.instant();
        OrderStatus status = orders.status(order, now);
        if (status != OrderStatus.READY) {
            throw new AcmeProblemException(ProblemType.ORDER_NOT_READY,
                    "order's status (\"" + status.token() + "\") is not acceptable for finalization; it must be \"ready\"");
        }
        Csr csr = CsrPolicy.check(csrDer, order.identifiers(), account.key().publicKey());
        IssuedCertificate issued = ca.issue(csr, order.identifiers(), now,
                profiles.get(order.profile()).certificateValidity());
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < issued.chains().size(); i++) {
            chains.add(issued.pem(i));
        }
        Certificate cert = store.createCertificate(id -> new Certificate(id, account.id(), order.id(), issued.serial(),
                issued.certificate(), chains, now, null));
        CertificateId certId = cert.id();
        return store.updateOrder(order.id(), o -> o.certificate() == null ? o.withCertificate(certId) : o).orElseThrow();
    }
}
