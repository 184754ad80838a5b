package dev.vantage.server.http;

import dev.vantage.config.AcmeConfig;
import dev.vantage.config.CaConfig;
import dev.vantage.server.service.Profiles;
import java.util.LinkedHashMap;
import java.util.Map;

/** The directory (RFC 8555 §7.1.1) and newNonce (§7.2). */
final class DirectoryHandler {
    private final AcmeConfig acme;
    private final CaConfig ca;
    private final Profiles profiles;

    DirectoryHandler(AcmeConfig acme, CaConfig ca, Profiles profiles) {
        this.acme = acme;
        this.ca = ca;
        this.profiles = profiles;
    }

    Response directory(Links links) {
        Map<String, Object> dir = new LinkedHashMap<>();
        dir.put("newNonce", links.newNonce());
        dir.put("newAccount", links.newAccount());
        dir.put("newOrder", links.newOrder());
        dir.put("revokeCert", links.revokeCert());
        dir.put("keyChange", links.keyChange());
        dir.put("meta", meta());
        return Response.json(200, dir);
    }

    private Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!acme.termsOfService().isEmpty()) {
            meta.put("termsOfService", acme.termsOfService());
        }
        if (!acme.website().isEmpty()) {
            meta.put("website", acme.website());
        }
        meta.put("caaIdentities", ca.caaIdentities());
        meta.put("externalAccountRequired", acme.externalAccountRequired());
        Map<String, String> offered = new LinkedHashMap<>();
        profiles.all().forEach((name, p) -> offered.put(name, p.description()));
        meta.put("profiles", offered);
        return meta;
    }

    /** §7.2: HEAD answers 200, GET 204; the nonce itself is added by the pipeline. */
    Response newNonce(boolean head) {
        return Response.empty(head ? 200 : 204);
    }
}
