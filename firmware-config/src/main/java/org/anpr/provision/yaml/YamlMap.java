package org.anpr.provision.yaml;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anpr.provision.diagnostics.Source;

/** A YAML mapping in written order; every key keeps its own position for "unknown key" errors. */
public final class YamlMap implements YamlNode {
    /** One {@code key: value} pair. */
    public record Entry(String key, Source keySource, YamlNode value) {
    }

    private final Source source;
    private final Map<String, Entry> entries;

    public YamlMap(Source source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public Source source() {
        return source;
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    /** The value at {@code key}, or null when absent. */
    public YamlNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** The value at {@code key} unless absent or null (an empty YAML value counts as not given). */
    public YamlNode given(String key) {
        YamlNode n = get(key);
        return n instanceof YamlScalar s && s.isNull() ? null : n;
    }

    public boolean has(String key) {
        return given(key) != null;
    }

    /** The text at {@code key}, or null when absent, empty or of another type (lenient reading for the model). */
    public String text(String key) {
        return given(key) instanceof YamlScalar s && s.type() == YamlScalar.Type.TEXT && !s.text().isBlank() ? s.text() : null;
    }

    /** The number at {@code key}, or null when absent or not a number. */
    public Double number(String key) {
        return given(key) instanceof YamlScalar s && s.isNumber() ? s.decimal().doubleValue() : null;
    }

    /** The whole number at {@code key}, or null when absent, not whole or beyond a long. */
    public Long integer(String key) {
        if (given(key) instanceof YamlScalar s && s.type() == YamlScalar.Type.INTEGER) {
            java.math.BigInteger v = (java.math.BigInteger) s.value();
            return v.bitLength() < 64 ? v.longValue() : null;
        }
        return null;
    }

    public Boolean bool(String key) {
        return given(key) instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOLEAN ? (Boolean) s.value() : null;
    }

    /** The mapping at {@code key}, or null. */
    public YamlMap map(String key) {
        return given(key) instanceof YamlMap m ? m : null;
    }

    /** The items of the list at {@code key}; empty when absent or not a list. */
    public java.util.List<YamlNode> list(String key) {
        return given(key) instanceof YamlList l ? l.items() : java.util.List.of();
    }

    public Map<String, Entry> asMap() {
        return entries;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public String toString() {
        return "YamlMap" + entries.keySet() + "@" + source;
    }
}
