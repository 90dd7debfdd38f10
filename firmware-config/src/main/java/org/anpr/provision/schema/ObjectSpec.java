package org.anpr.provision.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping with a closed set of keys (an unknown key is an error: a typo must not fall back to
 * a default silently), each documented, some required, and keys that are refused because they would
 * hold a secret (the error names the reference key to use instead).
 */
public final class ObjectSpec implements Spec {
    /**
     * One key.
     *
     * @param defaultValue documented default (also written to the JSON Schema), or null
     */
    public record Field(String name, Spec spec, boolean required, Object defaultValue, String description) {
    }

    private final String description;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private ObjectSpec(String description) {
        this.description = description;
    }

    public static ObjectSpec of(String description) {
        return new ObjectSpec(description);
    }

    public ObjectSpec required(String name, Spec spec, String description) {
        return add(new Field(name, spec, true, null, description));
    }

    public ObjectSpec optional(String name, Spec spec, String description) {
        return add(new Field(name, spec, false, null, description));
    }

    public ObjectSpec optional(String name, Spec spec, Object defaultValue, String description) {
        return add(new Field(name, spec, false, defaultValue, description));
    }

    /** Refuses {@code name} as a secret value; {@code reference} says what to write instead. */
    public ObjectSpec secret(String name, String reference) {
        secrets.put(name, reference);
        return this;
    }

    private ObjectSpec add(Field f) {
        if (fields.put(f.name(), f) != null) {
            throw new IllegalStateException("key declared twice: " + f.name());
        }
        return this;
    }

    public String description() {
        return description;
    }

    public Field field(String name) {
        return fields.get(name);
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Map<String, String> secrets() {
        return Collections.unmodifiableMap(secrets);
    }

    public List<String> keys() {
        return new ArrayList<>(fields.keySet());
    }

    @Override
    public String expected() {
        return "a mapping with the keys " + String.join(", ", fields.keySet());
    }
}
