package dev.vantage.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble's configuration file, {@code {"pebble": {...}}}, read as Vantage settings. This is the
 * one place that knows Pebble's keys; the loader merges the result over the defaults and then
 * applies the environment and flags as for any file. Keys match case-insensitively, as Go's JSON
 * decoder matches them; JSON null leaves a setting alone, as in Go.
 *
 * <ul>
 * <li>{@code listenAddress}, {@code managementListenAddress} ({@code host:port},
 *     {@code [v6]:port} or {@code :port}, which listens on every IPv4 address; {@code localhost}
 *     means 127.0.0.1) → {@code acme.listenAddress}/{@code acme.port} and
 *     {@code management.listenAddress}/{@code management.port}. Pebble runs no management
 *     listener for an empty {@code managementListenAddress}; Vantage keeps its own then.</li>
 * <li>{@code certificate}, {@code privateKey} → {@code acme.tlsCertificate}, {@code acme.tlsPrivateKey}.</li>
 * <li>{@code httpPort}, {@code tlsPort} → {@code validation.httpPort}, {@code validation.tlsAlpnPort}.</li>
 * <li>{@code externalAccountBindingRequired}, {@code externalAccountMACKeys} →
 *     {@code acme.externalAccountRequired}, {@code acme.externalAccountMacKeys}.</li>
 * <li>{@code domainBlocklist} → {@code acme.domainBlocklist}; {@code caaIdentities} →
 *     {@code ca.caaIdentities} (empty keeps Vantage's, as Pebble falls back to its own).</li>
 * <li>{@code keyAlgorithm} ({@code rsa}, {@code ecdsa}) → {@code ca.keyAlgorithm} (empty keeps Vantage's).</li>
 * <li>{@code retryAfter.authz} (seconds, 0 keeps Vantage's) → {@code acme.retryAfter}.
 *     {@code retryAfter.order} is checked and otherwise unused: Vantage finalizes an order
 *     within the request, so no client ever polls an order that is {@code processing}.</li>
 * <li>{@code profiles}: each becomes a profile based on the {@code classic} preset (Let's
 *     Encrypt's lifetimes) with Pebble's {@code description} and {@code validityPeriod}
 *     (seconds), issuing for {@code dns} and {@code ip} identifiers as Pebble does under any
 *     profile; they replace the default profiles, and {@code defaultProfile} is Pebble's
 *     {@code default} if listed, else the first.</li>
 * <li>{@code certificateValidityPeriod} (seconds, 0 keeps the profile's) → the
 *     {@code certificateValidity} of every profile that sets no {@code validityPeriod} of its
 *     own (of the default profiles when the file lists none).</li>
 * <li>{@code ocspResponderURL} is accepted and ignored: Vantage runs no OCSP responder and
 *     puts no OCSP URL into certificates.</li>
 * </ul>
 *
 * Any other key under {@code pebble} is refused. Errors name {@code pebble.<key>}, including
 * those the Vantage settings' own checks find in a translated value.
 */
final class PebbleConfigFile {
    private static final String ROOT = "pebble";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("listenAddress", "managementListenAddress", "certificate",
            "privateKey", "httpPort", "tlsPort", "ocspResponderURL", "externalAccountBindingRequired",
            "externalAccountMACKeys", "caaIdentities", "domainBlocklist", "keyAlgorithm", "retryAfter",
            "certificateValidityPeriod", "profiles");

    /** Every member of the classic preset, so a translated profile lists (and takes overrides for) them all. */
    private static final ObjectNode CLASSIC = ConfigJson.mapper().valueToTree(ProfilePresets.get("classic").orElseThrow());

    private final ObjectNode tree;
    /** Vantage key → the Pebble key (as written, with "pebble.") it came from, to name it in errors. */
    private final Map<String, String> origins = new LinkedHashMap<>();

    private PebbleConfigFile(ObjectNode tree) {
        this.tree = tree;
    }

    /** Whether the file is in Pebble's format: a {@code pebble} member at the top. */
    static boolean isPebble(JsonNode file) {
        return rootName(file).isPresent();
    }

    /**
     * Translates the file's {@code pebble} member into {@code tree} (which holds the settings so
     * far) and checks the result. Returns the file's other top-level members, which are Vantage
     * settings for the caller to merge on top.
     */
    static ObjectNode apply(JsonNode file, ObjectNode tree) {
        String root = rootName(file).orElseThrow();
        JsonNode pebble = file.get(root);
        if (!pebble.isObject()) {
            throw new ConfigException(root, pebble, "must be a JSON object of Pebble settings");
        }
        PebbleConfigFile translation = new PebbleConfigFile(tree);
        translation.translate(members(root, pebble, KEYS));
        translation.check();
        ObjectNode rest = ((ObjectNode) file).deepCopy();
        rest.remove(root);
        return rest;
    }

    private void translate(Map<String, Member> m) {
        ifPresent(m, "listenAddress", v -> address(v, "acme"));
        ifPresent(m, "managementListenAddress", v -> {
            if (!text(v).isEmpty()) {
                address(v, "management");
            }
        });
        ifPresent(m, "certificate", v -> put("acme.tlsCertificate", NODES.textNode(text(v)), v));
        ifPresent(m, "privateKey", v -> put("acme.tlsPrivateKey", NODES.textNode(text(v)), v));
        requireBoth(m, "certificate", "privateKey");
        ifPresent(m, "httpPort", v -> put("validation.httpPort", NODES.numberNode(whole(v)), v));
        ifPresent(m, "tlsPort", v -> put("validation.tlsAlpnPort", NODES.numberNode(whole(v)), v));
        ifPresent(m, "ocspResponderURL", PebbleConfigFile::text);
        ifPresent(m, "externalAccountBindingRequired", v -> put("acme.externalAccountRequired", bool(v), v));
        ifPresent(m, "externalAccountMACKeys", v -> put("acme.externalAccountMacKeys", stringMap(v), v));
        ifPresent(m, "caaIdentities", v -> putUnlessEmpty("ca.caaIdentities", strings(v), v));
        ifPresent(m, "domainBlocklist", v -> put("acme.domainBlocklist", strings(v), v));
        ifPresent(m, "keyAlgorithm", v -> putUnlessEmpty("ca.keyAlgorithm", keyAlgorithm(v), v));
        ifPresent(m, "retryAfter", this::retryAfter);
        Member validity = m.get("certificateValidityPeriod");
        long seconds = validity == null ? 0 : seconds(validity);
        Member profiles = m.get("profiles");
        if (profiles != null && !profiles.value.isObject()) {
            throw new ConfigException(profiles.key, profiles.value, "must be an object of profile name → profile");
        }
        if (profiles != null && profiles.value.size() > 0) {
            profiles(profiles, validity, seconds);
        } else if (seconds > 0) {
            tree.get("profiles").fields().forEachRemaining(p -> {
                ((ObjectNode) p.getValue()).set("certificateValidity", duration(seconds));
                origin("profiles." + p.getKey() + ".certificateValidity", validity);
            });
        }
    }

    /** Pebble serves HTTPS from the certificate and key together; one without the other is a mistake. */
    private static void requireBoth(Map<String, Member> m, String a, String b) {
        if (m.containsKey(a) != m.containsKey(b)) {
            Member given = m.containsKey(a) ? m.get(a) : m.get(b);
            String parent = given.key.substring(0, given.key.lastIndexOf('.'));
            throw new ConfigException(parent + "." + (m.containsKey(a) ? b : a), "",
                    "Pebble's " + a + " and " + b + " go together, and " + given.key + " is " + given.value);
        }
    }

    private void retryAfter(Member retry) {
        Map<String, Member> m = members(retry.key, retry.value, List.of("authz", "order"));
        ifPresent(m, "authz", v -> {
            long s = seconds(v);
            if (s > 0) {
                put("acme.retryAfter", duration(s), v);
            }
        });
        ifPresent(m, "order", PebbleConfigFile::seconds);
    }

    /** Pebble's profiles replace the default set; each is classic with Pebble's description and validity. */
    private void profiles(Member profiles, Member globalValidity, long globalSeconds) {
        ObjectNode out = NODES.objectNode();
        tree.set("profiles", out);
        Iterator<Map.Entry<String, JsonNode>> it = profiles.value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Member profile = new Member(profiles.key + "." + e.getKey(), e.getValue());
            if (!profile.value.isObject()) {
                throw new ConfigException(profile.key, profile.value, "must be an object with description and validityPeriod");
            }
            Map<String, Member> m = members(profile.key, profile.value, List.of("description", "validityPeriod"));
            String prefix = "profiles." + e.getKey() + ".";
            ObjectNode node = CLASSIC.deepCopy();
            out.set(e.getKey(), node);
            node.put("preset", "classic");
            // Pebble issues for IP addresses under any profile; a CI job moving over keeps working.
            node.set("identifierTypes", NODES.arrayNode().add("dns").add("ip"));
            origin(prefix + "preset", profile);
            Member description = m.get("description");
            node.put("description", description == null ? "" : text(description));
            origin(prefix + "description", description == null ? profile : description);
            Member own = m.get("validityPeriod");
            long seconds = own == null ? 0 : seconds(own);
            if (seconds > 0 || globalSeconds > 0) {
                node.set("certificateValidity", duration(seconds > 0 ? seconds : globalSeconds));
                origin(prefix + "certificateValidity", seconds > 0 ? own : globalValidity);
            }
        }
        tree.put("defaultProfile", out.has("default") ? "default" : out.fieldNames().next());
        origin("defaultProfile", profiles);
    }

    /** {@code host:port}, {@code [v6]:port} or {@code :port} into {@code <group>.listenAddress} and {@code <group>.port}. */
    private void address(Member member, String group) {
        String text = text(member).trim();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = colon < 0 ? "" : text.substring(colon + 1);
        if (colon < 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new ConfigException(member.key, text,
                    "must be host:port, [IPv6]:port or :port with a port from 0 to 65535, for example 0.0.0.0:14000");
        }
        put(group + ".listenAddress", NODES.textNode(listenHost(member, text, host)), member);
        put(group + ".port", NODES.numberNode(Integer.parseInt(port)), member);
    }

    private static String listenHost(Member member, String text, String host) {
        if (host.isEmpty()) {
            return "0.0.0.0";
        }
        if (host.equalsIgnoreCase("localhost")) {
            return "127.0.0.1";
        }
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (!bracketed && host.contains(":")) {
            throw new ConfigException(member.key, text, "put an IPv6 address in brackets, for example [::1]:14000");
        }
        String literal = bracketed ? host.substring(1, host.length() - 1) : host;
        try {
            return Check.ipLiteral(member.key, literal);
        } catch (ConfigException e) {
            throw new ConfigException(member.key, text,
                    "the host must be an IP address or localhost (Vantage resolves no names at startup)");
        }
    }

    /** Binds what the translation produced, so a value the settings refuse is reported under its Pebble key. */
    private void check() {
        try {
            ConfigLoader.bind(tree);
        } catch (ConfigException e) {
            throw renamed(e);
        }
    }

    private ConfigException renamed(ConfigException e) {
        String key = e.key();
        for (Map.Entry<String, String> o : origins.entrySet()) {
            if (key.equals(o.getKey()) || key.startsWith(o.getKey() + ".")) {
                return e.withKey(o.getValue() + key.substring(o.getKey().length()));
            }
        }
        return e;
    }

    private void put(String key, JsonNode value, Member from) {
        ConfigTree.put(tree, key, value);
        origin(key, from);
    }

    private void origin(String vantageKey, Member from) {
        origins.put(vantageKey, from.key);
    }

    private void putUnlessEmpty(String key, JsonNode value, Member from) {
        if (value.size() > 0 || value.isTextual() && !value.asText().isEmpty()) {
            put(key, value, from);
        }
    }

    /** A member of a Pebble object, named by its full key as written ({@code pebble.retryAfter.authz}). */
    private record Member(String key, JsonNode value) {
    }

    /** The object's members by their canonical name; unknown names are refused, null values left out. */
    private static Map<String, Member> members(String parent, JsonNode object, List<String> known) {
        if (!object.isObject()) {
            throw new ConfigException(parent, object, "must be a JSON object");
        }
        Map<String, Member> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = parent + "." + f.getKey();
            String canonical = known.stream().filter(k -> k.equalsIgnoreCase(f.getKey())).findFirst()
                    .orElseThrow(() -> new ConfigException(key, f.getValue(),
                            "not a Pebble setting Vantage knows; known here: " + String.join(", ", known)));
            if (out.containsKey(canonical)) {
                throw new ConfigException(key, f.getValue(), "given twice (Pebble's keys ignore case)");
            }
            if (!f.getValue().isNull()) {
                out.put(canonical, new Member(key, f.getValue()));
            }
        }
        return out;
    }

    private static void ifPresent(Map<String, Member> members, String name, java.util.function.Consumer<Member> action) {
        Member m = members.get(name);
        if (m != null) {
            action.accept(m);
        }
    }

    private static Optional<String> rootName(JsonNode file) {
        if (file == null || !file.isObject()) {
            return Optional.empty();
        }
        Iterator<String> names = file.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(ROOT)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String text(Member m) {
        if (!m.value.isTextual()) {
            throw new ConfigException(m.key, m.value, "must be a string");
        }
        return m.value.asText();
    }

    private static JsonNode bool(Member m) {
        if (!m.value.isBoolean()) {
            throw new ConfigException(m.key, m.value, "must be true or false");
        }
        return m.value;
    }

    private static long whole(Member m) {
        if (!m.value.isIntegralNumber() || !m.value.canConvertToLong()) {
            throw new ConfigException(m.key, m.value, "must be a whole number");
        }
        return m.value.asLong();
    }

    private static long seconds(Member m) {
        if (!m.value.isIntegralNumber() || !m.value.canConvertToLong() || m.value.asLong() < 0) {
            throw new ConfigException(m.key, m.value, "must be a whole number of seconds, 0 or more");
        }
        return m.value.asLong();
    }

    /** Pebble's {@code rsa} or {@code ecdsa} (Vantage's own names work too); empty keeps Vantage's. */
    private static JsonNode keyAlgorithm(Member m) {
        String name = text(m).trim();
        try {
            return NODES.textNode(name.isEmpty() ? "" : KeyAlgorithm.of(name).id());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(m.key, m.value, e.getMessage());
        }
    }

    private static JsonNode duration(long seconds) {
        return NODES.textNode(seconds + "s");
    }

    private static JsonNode strings(Member m) {
        if (!m.value.isArray()) {
            throw new ConfigException(m.key, m.value, "must be a list of strings");
        }
        for (JsonNode item : m.value) {
            if (!item.isTextual()) {
                throw new ConfigException(m.key, item, "must be a list of strings");
            }
        }
        return m.value;
    }

    private static JsonNode stringMap(Member m) {
        if (!m.value.isObject()) {
            throw new ConfigException(m.key, m.value, "must be an object of key identifier → base64url key");
        }
        m.value.fields().forEachRemaining(f -> {
            if (!f.getValue().isTextual()) {
                throw new ConfigException(m.key + "." + f.getKey(), f.getValue(), "must be a base64url string");
            }
        });
        return m.value;
    }
}
