package dev.vantage.server.http;

import dev.vantage.server.model.Certificate;
import dev.vantage.server.model.CertificateId;
import dev.vantage.server.problem.AcmeProblemException;
import dev.vantage.server.service.CertificateService;
import java.util.Base64;

/** Certificate download with alternate chains (RFC 8555 §7.4.2) and revokeCert (§7.6). */
final class CertificateHandlers {
    private final CertificateService certificates;

    CertificateHandlers(CertificateService certificates) {
        this.certificates = certificates;
    }

    record RevokePayload(String certificate, Integer reason) {
    }

    Response certificate(SignedRequest r) {
        r.requirePostAsGet();
        Certificate cert = certificates.get(r.account(), new CertificateId(r.param("id")));
        int chain = chainIndex(r.param("chain"), cert);
        Response response = Response.text(200, cert.pemChains().get(chain), Response.PEM_CHAIN);
        for (int i = 0; i < cert.pemChains().size(); i++) {
            if (i != chain) {
                response = response.withLink(r.links().certificate(cert.id(), i), "alternate");
            }
        }
        return response;
    }

    Response revoke(SignedRequest r) {
        RevokePayload p = r.payload(RevokePayload.class);
        if (p.certificate() == null) {
            throw AcmeProblemException.malformed("revokeCert needs \"certificate\"");
        }
        byte[] der;
        try {
            der = Base64.getUrlDecoder().decode(p.certificate());
        } catch (IllegalArgumentException e) {
            throw AcmeProblemException.malformed("\"certificate\" is not base64url");
        }
        boolean byAccount = r.account() != null;
        certificates.revoke(der, p.reason(), r.account(), byAccount ? null : r.key().publicKey());
        return Response.empty(200);
    }

    private static int chainIndex(String param, Certificate cert) {
        if (param == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(param);
            if (n > 0 && n < cert.pemChains().size()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through: not a chain of this certificate
        }
        throw AcmeProblemException.notFound("certificate chain");
    }
}
