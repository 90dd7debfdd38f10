package org.anpr.provision.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Spec} tree as a JSON Schema (draft 2020-12) with a description on every
 * property, for editors (autocompletion, red squiggles) and scripts.
 *
 * <p>The schema describes one <em>file</em>, which may be a profile or a defaults file it
 * {@code extends}: keys that are required of the merged profile may come from the defaults, so the
 * schema requires keys only inside list items (lists are never merged). The validator checks the
 * merged profile in full.
 */
public final class JsonSchemaWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemaWriter() {
    }

    public static ObjectNode schema(ObjectSpec root, String id, String title) {
        ObjectNode s = JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", id);
        s.put("title", title);
        s.setAll(node(root, false));
        return s;
    }

    /** The schema as indented JSON text, ending in a newline. */
    public static String toText(JsonNode schema) {
        try {
            return JSON.writeValueAsString(schema).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode node(Spec spec, boolean inList) {
        ObjectNode n = JSON.createObjectNode();
        if (spec instanceof ObjectSpec o) {
            object(n, o, inList);
        } else if (spec instanceof ListSpec l) {
            n.put("type", "array");
            n.set("items", node(l.items(), true));
            n.put("minItems", l.minItems());
            n.put("maxItems", l.maxItems());
        } else if (spec instanceof ChoiceSpec c) {
            ArrayNode one = n.putArray("oneOf");
            c.alternatives().forEach(a -> one.add(node(a, inList)));
        } else {
            scalar(n, (ScalarSpec) spec);
        }
        return n;
    }

    private static void object(ObjectNode n, ObjectSpec o, boolean inList) {
        n.put("type", "object");
        if (o.description() != null) {
            n.put("description", o.description());
        }
        ObjectNode props = n.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (ObjectSpec.Field f : o.fields()) {
            ObjectNode p = node(f.spec(), inList);
            String d = f.description();
            if (f.required()) {
                required.add(f.name());
                d += inList ? " Required." : " Required (here or in the defaults file).";
            }
            if (f.defaultValue() != null) {
                d += " Default: " + f.defaultValue() + ".";
                p.set("default", JSON.valueToTree(f.defaultValue()));
            }
            ObjectNode withDescription = JSON.createObjectNode().put("description", d);
            p.remove("description");
            withDescription.setAll(p);
            props.set(f.name(), withDescription);
        }
        o.secrets().forEach((name, ref) -> props.set(name, JSON.createObjectNode()
                .put("description", "Not allowed: a profile never holds secrets. Use instead: " + ref + ".")
                .set("not", JSON.createObjectNode())));
        if (inList && !required.isEmpty()) {
            n.set("required", required);
        }
        n.put("additionalProperties", false);
    }

    private static void scalar(ObjectNode n, ScalarSpec s) {
        switch (s.kind()) {
            case TEXT -> {
                n.put("type", "string");
                n.put("minLength", 1);
            }
            case ID -> n.put("type", "string");
            case INTEGER -> n.put("type", "integer");
            case NUMBER -> n.put("type", "number");
            case BOOLEAN -> n.put("type", "boolean");
            case ENUM -> {
                n.put("type", "string");
                ArrayNode values = n.putArray("enum");
                s.values().forEach(values::add);
            }
        }
        if (s.pattern() != null) {
            n.put("pattern", s.pattern());
        }
        if (s.min() != null) {
            n.set("minimum", number(s.min()));
            n.set("maximum", number(s.max()));
        }
    }

    private static JsonNode number(java.math.BigDecimal v) {
        java.math.BigDecimal plain = v.stripTrailingZeros();
        return plain.scale() <= 0 ? JSON.getNodeFactory().numberNode(plain.longValueExact())
                : JSON.getNodeFactory().numberNode(plain.doubleValue());
    }
}
