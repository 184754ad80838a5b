package dev.vantage.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Settings as a JSON tree, before they become records: merging layers and setting dotted keys. */
final class ConfigTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTree() {
    }

    /** Deep merge: objects merge key by key, anything else replaces; a JSON null removes the key. */
    static void merge(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = target.get(f.getKey());
            if (f.getValue().isNull() && existing != null && existing.isObject()) {
                target.remove(f.getKey());
            } else if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    /** Sets {@code key} (dotted) from text, read as the type the setting already has. */
    static void set(ObjectNode tree, String key, String text) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new ConfigException(key, text, "\"" + parts[i] + "\" is a value, not a group of settings");
            }
            node = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        node.set(leaf, parse(key, node.get(leaf), text));
    }

    /** Puts {@code value} at {@code key} (dotted) as it is, creating groups on the way. */
    static void put(ObjectNode tree, String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next != null && next.isObject() ? (ObjectNode) next : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static JsonNode parse(String key, JsonNode existing, String text) {
        String t = text.trim();
        if (existing == null || existing.isNull()) {
            // An unset setting has no type to go by: read what the text looks like.
            if (t.isEmpty() || t.equals("null") || t.equals("auto")) {
                return NODES.nullNode();
            }
            if (t.matches("-?\\d{1,18}")) {
                return NODES.numberNode(Long.parseLong(t));
            }
            return t.equals("true") || t.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(t)) : NODES.textNode(t);
        }
        if (existing.isIntegralNumber()) {
            try {
                return NODES.numberNode(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, text, "must be a whole number");
            }
        }
        if (existing.isBoolean()) {
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> NODES.booleanNode(true);
                case "false", "0", "no", "off" -> NODES.booleanNode(false);
                default -> throw new ConfigException(key, text, "must be true or false");
            };
        }
        if (existing.isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (String item : t.split(",")) {
                if (!item.isBlank()) {
                    array.add(item.trim());
                }
            }
            return array;
        }
        if (existing.isObject()) {
            try {
                return ConfigJson.mapper().readTree(t);
            } catch (JsonProcessingException e) {
                throw new ConfigException(key, text, "must be a JSON object");
            }
        }
        return NODES.textNode(t);
    }

    /**
     * Finds the dotted key an environment name means: {@code ACME_PORT} is {@code acme.port},
     * {@code VALIDATION_HTTP_PORT} is {@code validation.httpPort} (underscores may split words).
     */
    static Optional<String> keyForEnvironmentName(JsonNode tree, String name) {
        return match(tree, name.toLowerCase(Locale.ROOT).split("_"), 0);
    }

    private static Optional<String> match(JsonNode node, String[] words, int from) {
        if (from == words.length) {
            return Optional.of("");
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        StringBuilder candidate = new StringBuilder();
        for (int end = from; end < words.length; end++) {
            candidate.append(words[end]);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String field = names.next();
                if (field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").contentEquals(candidate)) {
                    Optional<String> rest = match(node.get(field), words, end + 1);
                    if (rest.isPresent()) {
                        return Optional.of(rest.get().isEmpty() ? field : field + "." + rest.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every leaf key of the tree. */
    static List<String> keys(JsonNode tree) {
        java.util.Map<String, String> flat = new java.util.TreeMap<>();
        flatten("", tree, flat);
        return new ArrayList<>(flat.keySet());
    }

    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f ->
                    flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) { // lists of groups (vantage points, rules): one key per member
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
