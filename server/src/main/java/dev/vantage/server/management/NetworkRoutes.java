package dev.vantage.server.management;

import dev.vantage.config.ConfigLoader;
import dev.vantage.config.FirewallConfig;
import dev.vantage.config.FirewallRule;
import dev.vantage.config.PerspectivePresets;
import dev.vantage.config.PerspectivesConfig;
import dev.vantage.config.VantagePointConfig;
import dev.vantage.validator.SimulatedNetwork;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Vantage points and the firewall in front of validation targets (BR §3.2.2.9 multi-perspective
 * validation); every change applies to the next validation. Bodies use the config file's JSON
 * shape, unknown members are refused, and errors name the member.
 *
 * <ul>
 *   <li>{@code GET /perspectives}: the settings in force, the points listed in full, and the preset names;</li>
 *   <li>{@code POST /perspectives}: settings to change ({@code quorum}, {@code concurrent},
 *       {@code timeout}, {@code subproblems}, {@code points}, {@code preset}; a {@code preset}
 *       without {@code points} drops explicit points);</li>
 *   <li>{@code POST /perspectives/preset} {@code {"name": "le"}}: a preset's points;</li>
 *   <li>{@code POST /perspectives/points/{name}}: members of one point to change, for example
 *       {@code {"enabled": false}}, {@code {"latency": "2s"}}, {@code {"forcedFailure": "connection"}};</li>
 *   <li>{@code POST /perspectives/reset}: the configured perspectives;</li>
 *   <li>{@code GET /firewall/rules}, {@code GET /firewall/rules/{name}};</li>
 *   <li>{@code POST /firewall/rules} with one rule: added, or replacing the rule of that name;</li>
 *   <li>{@code DELETE /firewall/rules/{name}} (or {@code POST /firewall/rules/{name}/delete}):
 *       removed (404 when there is none);</li>
 *   <li>{@code GET /firewall}, {@code POST /firewall} {@code {"rules": [...]}}: every rule at once;</li>
 *   <li>{@code POST /firewall/clear}: no rules; {@code POST /firewall/reset}: the configured rules.</li>
 * </ul>
 */
final class NetworkRoutes {
    private final SimulatedNetwork network;

    NetworkRoutes(SimulatedNetwork network) {
        this.network = network;
    }

    void register(ManagementApi.Routes routes) {
        routes.getJson("/perspectives", x -> perspectives());
        routes.postJson("/perspectives", x -> {
            Map<String, Object> changes = Exchanges.members(x);
            if (changes.containsKey("preset") && !changes.containsKey("points")) {
                changes.put("points", List.of()); // naming a preset means its points
            }
            network.setPerspectives(ConfigLoader.update(network.perspectives(), changes, PerspectivesConfig.class,
                    "perspectives"));
            return perspectives();
        });
        routes.postJson("/perspectives/preset", x -> {
            Object name = Exchanges.members(x).get("name");
            if (!(name instanceof String preset) || preset.isBlank()) {
                throw new Exchanges.BadRequest("missing \"name\": one of " + PerspectivePresets.names());
            }
            network.setPerspectives(ConfigLoader.update(network.perspectives(), Map.of("preset", preset,
                    "points", List.of()), PerspectivesConfig.class, "perspectives"));
            return perspectives();
        });
        routes.postJson("/perspectives/points/{name}", x -> {
            String name = Exchanges.requiredParam(x, "name");
            Map<String, Object> changes = Exchanges.members(x);
            found(() -> network.updatePoint(name, p -> ConfigLoader.update(p, changes, VantagePointConfig.class,
                    "perspectives.points." + name)));
            return perspectives();
        });
        routes.postJson("/perspectives/reset", x -> {
            network.resetPerspectives();
            return perspectives();
        });
        registerFirewall(routes);
    }

    private void registerFirewall(ManagementApi.Routes routes) {
        routes.getJson("/firewall", x -> firewall());
        routes.postJson("/firewall", x -> {
            network.setRules(ConfigLoader.read(Exchanges.members(x), FirewallConfig.class, "firewall").rules());
            return firewall();
        });
        routes.getJson("/firewall/rules", x -> network.rules());
        routes.getJson("/firewall/rules/{name}", x -> {
            String name = Exchanges.requiredParam(x, "name");
            return network.rule(name).orElseThrow(() -> notFound(name));
        });
        routes.postJson("/firewall/rules", x -> {
            network.putRule(ConfigLoader.read(Exchanges.members(x), FirewallRule.class, "rule"));
            return network.rules();
        });
        Function<HttpServerExchange, Object> delete = x -> {
            String name = Exchanges.requiredParam(x, "name");
            if (!network.removeRule(name)) {
                throw notFound(name);
            }
            return network.rules();
        };
        routes.postJson("/firewall/rules/{name}/delete", delete);
        routes.deleteJson("/firewall/rules/{name}", delete);
        routes.postJson("/firewall/clear", x -> {
            network.setRules(List.of());
            return network.rules();
        });
        routes.postJson("/firewall/reset", x -> {
            network.resetRules();
            return network.rules();
        });
    }

    /** The settings with the points in force written out, so a reader never has to know the presets. */
    private Map<String, Object> perspectives() {
        PerspectivesConfig c = network.perspectives();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("preset", c.preset());
        out.put("points", c.effectivePoints());
        out.put("quorum", c.quorum());
        out.put("concurrent", c.concurrent());
        out.put("timeout", c.timeout());
        out.put("subproblems", c.subproblems());
        out.put("presets", PerspectivePresets.names());
        return out;
    }

    private Map<String, Object> firewall() {
        return Map.of("rules", network.rules());
    }

    private static void found(Runnable change) {
        try {
            change.run();
        } catch (NoSuchElementException e) {
            throw new Exchanges.BadRequest(404, e.getMessage());
        }
    }

    private static Exchanges.BadRequest notFound(String rule) {
        return new Exchanges.BadRequest(404, "no firewall rule named \"" + rule + "\"");
    }
}
