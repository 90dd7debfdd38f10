package org.anpr.edge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keys given twice in one YAML mapping, which a tree parser would silently resolve to the
 * last value (so a gantry would run with a setting nobody meant): each as {@code path: key 'k'
 * given twice, at lines A and B}.
 */
final class DuplicateKeys {
    private static final YAMLFactory YAML = new YAMLFactory();

    private DuplicateKeys() {
    }

    /** The duplicates of {@code yaml}; empty when there are none or the text does not parse (reported elsewhere). */
    static List<String> in(String yaml) {
        List<String> out = new ArrayList<>();
        Deque<Map<String, Integer>> seen = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        Deque<Integer> indexes = new ArrayDeque<>();
        String pending = null;
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        String path = childPath(paths, indexes, pending);
                        pending = null;
                        paths.push(path);
                        indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        seen.push(t == JsonToken.START_OBJECT ? new HashMap<>() : Map.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        paths.pop();
                        indexes.pop();
                        seen.pop();
                        advance(indexes);
                    }
                    case FIELD_NAME -> {
                        String key = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = seen.peek().putIfAbsent(key, line);
                        if (first != null) {
                            String where = paths.peek().isEmpty() ? "" : paths.peek() + ": ";
                            out.add(where + "key '" + key + "' given twice, at lines " + first + " and " + line
                                    + " (allowed: each key once)");
                        }
                        pending = key;
                    }
                    default -> {
                        pending = null;
                        advance(indexes);
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String childPath(Deque<String> paths, Deque<Integer> indexes, String key) {
        if (paths.isEmpty()) {
            return "";
        }
        String parent = paths.peek();
        if (key != null) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[" + indexes.peek() + "]";
    }

    private static void advance(Deque<Integer> indexes) {
        if (!indexes.isEmpty() && indexes.peek() >= 0) {
            indexes.push(indexes.pop() + 1);
        }
    }
}
