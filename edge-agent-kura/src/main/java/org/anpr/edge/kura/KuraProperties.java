package org.anpr.edge.kura;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.anpr.edge.config.ConfigException;

/**
 * A Kura configuration (flat, dotted properties; a list of mappings as parallel arrays) as the
 * gantry.yaml document the agent's loader reads, so that both ways of configuring a gantry are
 * checked by the same code with the same field names. Properties outside the agent's keys
 * ({@code service.pid}, {@code kura.service.pid}, {@code component.name}, …) are not the agent's
 * and are left out; an empty value is an unset one. As Kura passes every attribute's default, the
 * {@code management} block is left out without a technician key ({@code management.psk.*}) and
 * {@code alertOutput} without its pin.
 */
public final class KuraProperties {
    /** gantry.yaml's top-level keys. */
    static final Set<String> AGENT_KEYS = Set.of("gantry", "storage", "cameras", "recognition", "alertOutput", "management",
            "sections", "sectionRules", "clock", "hotlist", "outbox", "mqtt", "metrics", "evidence");
    /** The lists of mappings, longest first (management.psk before a plain management key). */
    static final List<String> LISTS = List.of("management.loopbacks", "management.psk", "sections", "cameras");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KuraProperties() {
    }

    /**
     * @throws ConfigException parallel arrays of different lengths (naming both), or a value of a type
     *                         a configuration cannot hold
     */
    public static String toGantryYaml(Map<String, ?> properties) throws ConfigException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Integer> lengths = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, ?> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!AGENT_KEYS.contains(key.split("\\.", 2)[0]) || e.getValue() == null) {
                continue;
            }
            String list = LISTS.stream().filter(l -> key.startsWith(l + ".")).findFirst().orElse(null);
            if (list == null) {
                Object v = scalar(key, e.getValue(), errors);
                if (v != null) {
                    put(root, key, v);
                }
                continue;
            }
            List<Object> values = values(e.getValue());
            Integer before = lengths.putIfAbsent(list, values.size());
            if (before != null && before != values.size()) {
                errors.add(key + ": " + values.size() + " value(s), but the other " + list + ".* properties have " + before
                        + " (one value per item, in the same order)");
                continue;
            }
            List<Map<String, Object>> items = items(root, list);
            while (items.size() < values.size()) {
                items.add(new LinkedHashMap<>());
            }
            String leaf = key.substring(list.length() + 1);
            for (int i = 0; i < values.size(); i++) {
                Object v = scalar(key + "[" + i + "]", values.get(i), errors);
                if (v != null) {
                    put(items.get(i), leaf, v);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        // Kura always passes the metatype's defaults; these blocks exist only with their key
        dropUnless(root, "management", "psk");
        dropUnless(root, "alertOutput", "bcmPin");
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dropUnless(Map<String, Object> root, String block, String key) {
        if (root.get(block) instanceof Map<?, ?> m && (!m.containsKey(key) || m.get(key) instanceof List<?> l && l.isEmpty())) {
            root.remove(block);
        }
    }

    private static List<Object> values(Object v) {
        List<Object> out = new ArrayList<>();
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(Array.get(v, i));
            }
        } else if (v instanceof java.util.Collection<?> c) {
            out.addAll(c);
        } else {
            out.add(v);
        }
        return out;
    }

    /** Numbers and booleans as they are, text unless empty; anything else by its text (Kura's Password). */
    private static Object scalar(String key, Object v, List<String> errors) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v.getClass().isArray() || v instanceof java.util.Collection<?>) {
            errors.add(key + ": one value expected, got a list");
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = into;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        m.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> root, String list) {
        int dot = list.lastIndexOf('.');
        Map<String, Object> parent = root;
        if (dot > 0) {
            for (String p : list.substring(0, dot).split("\\.")) {
                parent = (Map<String, Object>) parent.computeIfAbsent(p, k -> new LinkedHashMap<String, Object>());
            }
        }
        return (List<Map<String, Object>>) parent.computeIfAbsent(list.substring(dot + 1), k -> new ArrayList<>());
    }
}
