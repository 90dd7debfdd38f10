package org.anpr.edge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of a parsed YAML tree, collecting every problem with its field path
 * instead of stopping at the first.
 */
final class NodeReader {
    private final List<String> errors = new ArrayList<>();

    List<String> errors() {
        return errors;
    }

    void error(String path, String problem) {
        errors.add(path + ": " + problem);
    }

    /** Reports fields this schema does not know (a typo would otherwise be silently ignored). */
    void onlyKnown(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(join(path, name), "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    /** The object at {@code name}, an empty object when absent; reports a non-object. */
    JsonNode object(JsonNode parent, String path, String name, boolean required) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                error(join(path, name), "required section is missing");
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            error(join(path, name), "must be a mapping");
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        return n;
    }

    List<JsonNode> list(JsonNode parent, String path, String name) {
        JsonNode n = parent.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            error(join(path, name), "must be a list");
            return out;
        }
        n.forEach(out::add);
        return out;
    }

    String string(JsonNode parent, String path, String name, String fallback, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                error(join(path, name), "required field is missing");
            }
            return fallback;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            error(join(path, name), "must be a non-empty text");
            return fallback;
        }
        return n.asText();
    }

    long integer(JsonNode parent, String path, String name, long fallback, long min, long max) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            error(join(path, name), "must be a whole number, was '" + n.asText() + "'");
            return fallback;
        }
        long v = n.asLong();
        if (v < min || v > max) {
            error(join(path, name), "must be within " + min + ".." + max + ", was " + v);
            return fallback;
        }
        return v;
    }

    boolean bool(JsonNode parent, String path, String name, boolean fallback) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            error(join(path, name), "must be true or false, was '" + n.asText() + "'");
            return fallback;
        }
        return n.asBoolean();
    }

    double number(JsonNode parent, String path, String name, double fallback, double min, double max, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                error(join(path, name), "required field is missing");
            }
            return fallback;
        }
        if (!n.isNumber()) {
            error(join(path, name), "must be a number, was '" + n.asText() + "'");
            return fallback;
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            error(join(path, name), "must be within " + min + ".." + max + ", was " + v);
            return fallback;
        }
        return v;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
