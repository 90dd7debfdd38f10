package org.anpr.provision.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses one YAML document with Jackson's streaming {@link YAMLParser} into a {@link YamlNode}
 * tree that remembers the line and column of every key and value. Syntax errors, duplicate keys,
 * aliases and extra documents are reported, not thrown.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Path file;
    private final Problems problems;

    private YamlReader(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or null when the text is not usable YAML (the reason is in {@code problems}). */
    public static YamlNode parse(Path file, String text, Problems problems) {
        return new YamlReader(file, problems).document(text);
    }

    private YamlNode document(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = value(p, first, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                problems.at(at(p), "", "a second YAML document ('---') in one file", "one profile per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Source at = l == null ? Source.startOf(file) : new Source(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
            problems.at(at, "", "not valid YAML: " + syntaxProblem(e), null);
            return null;
        } catch (IOException e) {
            problems.at(Source.startOf(file), "", "cannot read: " + e.getMessage(), null);
            return null;
        }
    }

    private YamlNode value(JsonParser p, JsonToken t, String path) throws IOException {
        Source at = at(p);
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.at(at, path, "YAML alias '*" + p.getText() + "' is not supported in profiles",
                    "write the value out, or share it through an 'extends:' defaults file");
            return new YamlScalar(at, YamlScalar.Type.NULL, null);
        }
        return switch (t) {
            case START_OBJECT -> map(p, at, path);
            case START_ARRAY -> list(p, at, path);
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> new YamlScalar(at, YamlScalar.Type.TEXT, p.getText());
            case VALUE_NUMBER_INT -> new YamlScalar(at, YamlScalar.Type.INTEGER, p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> decimal(p, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(at, YamlScalar.Type.BOOLEAN, t == JsonToken.VALUE_TRUE);
            default -> new YamlScalar(at, YamlScalar.Type.NULL, null);
        };
    }

    private YamlMap map(JsonParser p, Source at, String path) throws IOException {
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            Source keyAt = at(p);
            String field = path.isEmpty() ? key : path + "." + key;
            YamlNode v = value(p, p.nextToken(), field);
            YamlMap.Entry first = entries.get(key);
            if (first != null) {
                problems.at(keyAt, field, "duplicate key '" + key + "' (first at line " + first.keySource().line() + ")",
                        "each key once per mapping");
            } else {
                entries.put(key, new YamlMap.Entry(key, keyAt, v));
            }
        }
        return new YamlMap(at, entries);
    }

    private YamlList list(JsonParser p, Source at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            items.add(value(p, t, path + "[" + items.size() + "]"));
        }
        return new YamlList(at, items);
    }

    private static YamlScalar decimal(JsonParser p, Source at) throws IOException {
        try {
            return new YamlScalar(at, YamlScalar.Type.DECIMAL, p.getDecimalValue());
        } catch (NumberFormatException e) { // .inf, .nan
            return new YamlScalar(at, YamlScalar.Type.TEXT, p.getText());
        }
    }

    private Source at(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Source(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String syntaxProblem(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                return m.getContext() == null ? m.getProblem() : m.getProblem() + " (" + m.getContext() + ")";
            }
        }
        return e.getOriginalMessage();
    }
}
