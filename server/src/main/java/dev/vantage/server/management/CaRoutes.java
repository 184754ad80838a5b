package dev.vantage.server.management;

import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.ca.Pem;
import dev.vantage.server.model.Certificate;
import dev.vantage.server.store.Store;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * CA material under Pebble's management routes ({@code /roots/{n}}, {@code /intermediates/{n}},
 * their keys, {@code /cert-status-by-serial/{hex}}), plus {@code /tls-ca}: the root that issued
 * the listeners' HTTPS certificate.
 */
final class CaRoutes {
    private static final String PEM = "application/x-pem-file";
    private final CertificateAuthority ca;
    private final String tlsRootPem;
    private final Store store;

    CaRoutes(CertificateAuthority ca, String tlsRootPem, Store store) {
        this.ca = ca;
        this.tlsRootPem = tlsRootPem;
        this.store = store;
    }

    void register(ManagementApi.Routes routes) {
        routes.get("/roots/{n}", x -> pem(x, "roots", n -> Pem.certificate(ca.root(n))));
        routes.get("/root-keys/{n}", x -> pem(x, "root-keys", n -> Pem.privateKey(ca.rootKey(n))));
        routes.get("/intermediates/{n}", x -> pem(x, "intermediates", n -> Pem.certificate(ca.intermediate(n))));
        routes.get("/intermediate-keys/{n}",
                x -> pem(x, "intermediate-keys", n -> Pem.privateKey(ca.intermediateKey(n))));
        routes.get("/tls-ca", x -> Exchanges.text(x, PEM, tlsRootPem));
        routes.getJson("/cert-status-by-serial/{serial}", this::status);
    }

    /** Pebble answers each hierarchy's item and links the others as alternates. */
    private void pem(HttpServerExchange x, String kind, IntFunction<String> item) {
        int n = Exchanges.index(x, "n");
        if (n < 0 || n >= ca.hierarchies()) {
            throw new Exchanges.BadRequest(404, "no hierarchy " + n + "; this CA has " + ca.hierarchies());
        }
        String base = x.getRequestScheme() + "://" + x.getHostAndPort() + "/" + kind + "/";
        for (int i = 0; i < ca.hierarchies(); i++) {
            if (i != n) {
                x.getResponseHeaders().add(new HttpString("Link"), "<" + base + i + ">;rel=\"alternate\"");
            }
        }
        Exchanges.text(x, PEM, item.apply(n));
    }

    private Object status(HttpServerExchange x) {
        String hex = Exchanges.requiredParam(x, "serial");
        BigInteger serial;
        try {
            serial = new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new Exchanges.BadRequest("serial must be hexadecimal, not \"" + hex + "\"");
        }
        Certificate cert = store.certificateBySerial(serial)
                .orElseThrow(() -> new Exchanges.BadRequest(404, "no certificate with serial " + hex));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Certificate", Pem.certificate(cert.leaf()));
        out.put("Serial", cert.serialHex());
        out.put("Status", cert.revocation() == null ? "Valid" : "Revoked");
        if (cert.revocation() != null) {
            out.put("Reason", cert.revocation().reason());
            out.put("RevokedAt", cert.revocation().at());
        }
        return out;
    }
}
