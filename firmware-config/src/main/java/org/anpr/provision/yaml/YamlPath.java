package org.anpr.provision.yaml;

import java.util.ArrayList;
import java.util.List;
import org.anpr.provision.diagnostics.Source;

/**
 * Finds values by the field paths errors use ({@code sections[0].distanceM}), so that checks made on
 * the typed model can still report the line and column of what they looked at.
 */
public final class YamlPath {
    private YamlPath() {
    }

    /** Where the value at {@code path} starts, or — when it is absent — where its nearest present parent starts. */
    public static Source source(YamlNode root, String path) {
        YamlNode node = root;
        for (Object step : steps(path)) {
            YamlNode next = step(node, step);
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.source();
    }

    /** Where the key of {@code path} is written (for problems with the key itself), else {@link #source}. */
    public static Source keySource(YamlNode root, String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String key = path.substring(dot + 1);
        YamlNode p = parent.isEmpty() ? root : value(root, parent);
        if (p instanceof YamlMap m && m.entry(key) != null) {
            return m.entry(key).keySource();
        }
        return source(root, path);
    }

    /** The value at {@code path}, or null. */
    public static YamlNode value(YamlNode root, String path) {
        YamlNode node = root;
        for (Object step : steps(path)) {
            node = step(node, step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static YamlNode step(YamlNode node, Object step) {
        if (step instanceof Integer i) {
            return node instanceof YamlList l && i < l.items().size() ? l.items().get(i) : null;
        }
        return node instanceof YamlMap m ? m.get((String) step) : null;
    }

    /** {@code a.b[2].c} as {@code "a", "b", 2, "c"}. */
    static List<Object> steps(String path) {
        List<Object> out = new ArrayList<>();
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                out.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                out.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }
}
