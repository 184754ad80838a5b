package dev.vantage.server.service;

import dev.vantage.server.model.Account;
import dev.vantage.server.model.Certificate;
import dev.vantage.server.model.CertificateId;
import dev.vantage.server.model.Revocation;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.problem.Problem;
import dev.vantage.server.problem.ProblemType;
import dev.vantage.server.store.Store;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;

/** Issued certificates: download (RFC 8555 §7.4.2) and revocation (§7.6). */
public final class CertificateService {
    /** RFC 5280 §5.3.1 reasons Let's Encrypt accepts: unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn. */
    static final Set<Integer> REASONS = Set.of(0, 1, 3, 4, 5, 9);

    private final Store store;
    private final Clock clock;

    public CertificateService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A certificate of this account, or 404. */
    public Certificate get(Account account, CertificateId id) {
        return Ownership.own(account, store.certificate(id), "certificate");
    }

    /**
     * Revokes a certificate. Allowed for the account that ordered it ({@code account} non-null),
     * or for a request signed by the certificate's own key ({@code certificateKey} non-null).
     */
    public Certificate revoke(byte[] der, Integer reason, Account account, PublicKey certificateKey) {
        int code = reason == null ? 0 : reason;
        if (!REASONS.contains(code)) {
            throw new AcmeProblemException(ProblemType.BAD_REVOCATION_REASON,
                    "revocation reason " + code + " is not allowed; use one of " + REASONS);
        }
        X509Certificate x509 = parse(der);
        Certificate cert = store.certificateBySerial(x509.getSerialNumber())
                .filter(c -> Arrays.equals(encoded(c.leaf()), der))
                .orElseThrow(() -> AcmeProblemException.notFound("certificate issued by this CA"));
        boolean byOwner = account != null && cert.account().equals(account.id());
        boolean byKey = certificateKey != null && certificateKey.equals(x509.getPublicKey());
        if (!byOwner && !byKey) {
            throw AcmeProblemException.unauthorized(account != null
                    ? "this account did not order the certificate"
                    : "the request is not signed by the certificate's key");
        }
        Revocation revocation = new Revocation(clock.instant(), code);
        return store.updateCertificate(cert.id(), c -> {
            if (c.revocation() != null) {
                throw new AcmeProblemException(Problem.of(ProblemType.ALREADY_REVOKED, "certificate is already revoked"));
            }
            return c.revoked(revocation);
        }).orElseThrow();
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw AcmeProblemException.malformed("\"certificate\" is not a DER X.509 certificate");
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
