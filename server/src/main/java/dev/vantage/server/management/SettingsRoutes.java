package dev.vantage.server.management;

import dev.vantage.config.ConfigLoader;
import dev.vantage.config.ProfileConfig;
import dev.vantage.config.ReuseConfig;
import dev.vantage.server.jws.Nonces;
import dev.vantage.server.service.Profiles;
import dev.vantage.server.store.AuthzReusePolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that change at runtime and apply to the next order: {@code GET /profiles},
 * {@code POST /profiles/{name}} (members to change, or a {@code preset}; {@code "default": true}
 * makes it the default), {@code GET /reuse}, {@code POST /reuse} (members to change).
 */
final class SettingsRoutes {
    private final Profiles profiles;
    private final AuthzReusePolicy reuse;
    private final Nonces nonces;

    SettingsRoutes(Profiles profiles, AuthzReusePolicy reuse, Nonces nonces) {
        this.profiles = profiles;
        this.reuse = reuse;
        this.nonces = nonces;
    }

    record FaultsBody(Integer nonceRejectPercent) {
    }

    void register(ManagementApi.Routes routes) {
        routes.getJson("/profiles", x -> view());
        routes.postJson("/profiles/{name}", x -> {
            String name = Exchanges.requiredParam(x, "name");
            Map<String, Object> changes = Exchanges.members(x);
            Object makeDefaultValue = changes.remove("default");
            if (makeDefaultValue != null && !(makeDefaultValue instanceof Boolean)) {
                throw new Exchanges.BadRequest("\"default\" must be true or false, not " + makeDefaultValue);
            }
            boolean makeDefault = Boolean.TRUE.equals(makeDefaultValue);
            ProfileConfig.checkName("name", name);
            // A preset replaces the profile's values; the other members then change the preset's.
            ProfileConfig base = changes.containsKey("preset") || !profiles.all().containsKey(name)
                    ? startingPoint(changes, name)
                    : profiles.all().get(name);
            profiles.put(name, ConfigLoader.update(base, changes, ProfileConfig.class, "profiles." + name));
            if (makeDefault) {
                profiles.defaultName(name);
            }
            return view();
        });
        routes.getJson("/reuse", x -> reuse.config());
        routes.postJson("/reuse", x -> {
            reuse.config(ConfigLoader.update(reuse.config(), Exchanges.members(x), ReuseConfig.class, "reuse"));
            return reuse.config();
        });
        routes.getJson("/faults", x -> Map.of("nonceRejectPercent", nonces.rejectPercent()));
        routes.postJson("/faults", x -> {
            Integer percent = Exchanges.body(x, FaultsBody.class).nonceRejectPercent();
            if (percent != null) {
                nonces.rejectPercent(percent);
            }
            return Map.of("nonceRejectPercent", nonces.rejectPercent());
        });
    }

    /** A new profile must name a preset; the other members override the preset's values. */
    private static ProfileConfig startingPoint(Map<String, Object> changes, String name) {
        Object preset = changes.get("preset");
        if (preset != null && !(preset instanceof String)) {
            throw new Exchanges.BadRequest("\"preset\" must be the name of a preset, not " + preset);
        }
        if (!(preset instanceof String p)) {
            throw new Exchanges.BadRequest("profile \"" + name + "\" does not exist; create it with a \"preset\"");
        }
        return new ProfileConfig(p, null, null, null, null, null, null);
    }

    private Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", profiles.defaultName());
        out.put("profiles", profiles.all());
        return out;
    }
}
