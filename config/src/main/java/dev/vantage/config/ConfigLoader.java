package dev.vantage.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds a {@link VantageConfig} in layers, each overriding the one before: embedded defaults,
 * a JSON file (Vantage's settings, or Pebble's {@code {"pebble": {...}}} read by
 * {@link PebbleConfigFile}), environment variables ({@code VANTAGE_…} and Pebble's {@code PEBBLE_…}), then
 * {@code key=value} overrides from the command line. Every error names the key and the value.
 */
public final class ConfigLoader {
    /** Pebble's environment variables and the setting each one means here. */
    private static final Map<String, String> PEBBLE_ENV = Map.of(
            "PEBBLE_VA_ALWAYS_VALID", "validation.alwaysValid",
            "PEBBLE_VA_SLEEPTIME", "validation.delay",
            "PEBBLE_WFE_NONCEREJECT", "faults.nonceRejectPercent",
            "PEBBLE_AUTHZREUSE", "reuse.randomPercent",
            "PEBBLE_WFE_ORDERS_PER_PAGE", "acme.ordersPerPage",
            "PEBBLE_ALTERNATE_ROOTS", "ca.alternateRoots",
            "PEBBLE_CHAIN_LENGTH", "ca.chainLength");
    private static final String PREFIX = "VANTAGE_";

    private ConfigLoader() {
    }

    /** Defaults, then {@code file} (may be null), then the process environment, then {@code overrides}. */
    public static VantageConfig load(Path file, List<String> overrides) {
        return load(file, System.getenv(), overrides);
    }

    /** As {@link #load(Path, List)} with an explicit environment (tests pass their own). */
    public static VantageConfig load(Path file, Map<String, String> env, List<String> overrides) {
        ObjectNode tree = ConfigJson.mapper().valueToTree(VantageConfig.defaults());
        if (file != null) {
            JsonNode json = readFile(file);
            ConfigTree.merge(tree, PebbleConfigFile.isPebble(json) ? PebbleConfigFile.apply(json, tree) : json);
        }
        applyEnvironment(tree, env);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set", override, "expected key=value, for example acme.port=14001");
            }
            ConfigTree.set(tree, override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        return bind(tree);
    }

    /** Applies {@code key=value} overrides to an existing configuration (used by the Java API). */
    public static VantageConfig with(VantageConfig base, Map<String, String> settings) {
        ObjectNode tree = ConfigJson.mapper().valueToTree(base);
        settings.forEach((k, v) -> ConfigTree.set(tree, k, v));
        return bind(tree);
    }

    /**
     * {@code base} with some of its members changed, for runtime updates through the management API
     * ({@code {"validAuthzLifetime": "0"}}); errors name {@code key}'s members.
     */
    public static <T> T update(T base, Map<String, ?> changes, Class<T> type, String key) {
        ObjectNode tree = ConfigJson.mapper().valueToTree(base);
        ConfigTree.merge(tree, ConfigJson.mapper().valueToTree(changes));
        return bind(tree, type, key);
    }

    /**
     * Reads one setting from JSON already parsed into maps and lists (a management API body), as
     * {@code type}; unknown members are refused and errors name {@code key}'s members.
     */
    public static <T> T read(Object json, Class<T> type, String key) {
        JsonNode tree = ConfigJson.mapper().valueToTree(json);
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(key, String.valueOf(json), "must be a JSON object");
        }
        if (type.isRecord()) {
            // Checked before binding: a record's own checks would otherwise report a missing member
            // ahead of the misspelt one that was meant to fill it.
            List<String> known = java.util.Arrays.stream(type.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            tree.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw new ConfigException(key, name, "unknown setting; known here: "
                            + known.stream().sorted().collect(Collectors.joining(", ")));
                }
            });
        }
        return bind(tree, type, key);
    }

    private static <T> T bind(JsonNode tree, Class<T> type, String key) {
        try {
            return ConfigJson.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e, tree).under(key);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw translate(jpe, tree).under(key);
            }
            throw e;
        }
    }

    /** Every setting as a dotted key with its current value, for documentation and {@code GET /config}. */
    public static Map<String, String> flatten(VantageConfig config) {
        Map<String, String> out = new TreeMap<>();
        ConfigTree.flatten("", ConfigJson.mapper().valueToTree(config), out);
        return out;
    }

    private static JsonNode readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--config", file.toString(), "cannot read the file (" + e.getMessage() + ")");
        }
        try {
            JsonNode node = ConfigJson.mapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new ConfigException("--config", file.toString(), "the file must hold a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("--config", file.toString(), "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()));
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> env) {
        new TreeMap<>(env).forEach((name, value) -> {
            if (PEBBLE_ENV.containsKey(name)) {
                ConfigTree.set(tree, PEBBLE_ENV.get(name), pebbleValue(name, value));
            } else if (name.equals("PEBBLE_VA_NOSLEEP") && isTrue(value)) {
                ConfigTree.set(tree, "validation.delay", "0");
            } else if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                String key = ConfigTree.keyForEnvironmentName(tree, name.substring(PREFIX.length()))
                        .orElseThrow(() -> new ConfigException(name, value,
                                "no such setting; known settings: " + String.join(", ", ConfigTree.keys(tree))));
                ConfigTree.set(tree, key, value);
            }
        });
    }

    /** Pebble writes switches as 1/0 and sleep times as seconds. */
    private static String pebbleValue(String name, String value) {
        return switch (name) {
            case "PEBBLE_VA_ALWAYS_VALID" -> String.valueOf(isTrue(value));
            case "PEBBLE_VA_SLEEPTIME" -> value.trim() + "s";
            default -> value;
        };
    }

    private static boolean isTrue(String value) {
        return List.of("1", "true", "yes").contains(value.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static VantageConfig bind(ObjectNode tree) {
        return bind(tree, VantageConfig.class, "");
    }

    /** A binding failure as a {@link ConfigException} naming the key and the value found there in {@code tree}. */
    private static ConfigException translate(JsonProcessingException e, JsonNode tree) {
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c.under(path);
            }
        }
        JsonNode node = path.isEmpty() ? null : tree.at("/" + path.replace(".", "/"));
        Object value = node == null || node.isMissingNode() ? "" : node.isTextual() ? node.asText() : node.toString();
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return new ConfigException(path, value, "no such setting; known here: " + known);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.Duration.class) { // our parser's words
            return new ConfigException(path, f.getValue(), f.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null
                && !(rootCause(e) instanceof IllegalArgumentException)) {
            return new ConfigException(path, value, "must be " + expected(m.getTargetType()));
        }
        Throwable root = rootCause(e);
        String reason = root instanceof IllegalArgumentException && root.getMessage() != null
                ? root.getMessage() : e.getOriginalMessage();
        return new ConfigException(path, value, reason);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** What a setting of this Java type looks like in JSON, for error messages. */
    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as \"7h\" or \"P30D\"";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a group of settings (a JSON object)";
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        return refs.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }
}
