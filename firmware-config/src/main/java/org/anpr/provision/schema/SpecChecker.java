package org.anpr.provision.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.anpr.protocol.topic.GantryId;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.ValidationError;
import org.anpr.provision.schema.ScalarSpec.Verdict;
import org.anpr.provision.yaml.YamlList;
import org.anpr.provision.yaml.YamlMap;
import org.anpr.provision.yaml.YamlNode;
import org.anpr.provision.yaml.YamlScalar;

/**
 * Checks a YAML tree against a {@link Spec}: unknown keys (naming the known ones), secret values,
 * wrong types, missing required keys, ranges, ids, enumerations and text checks. Every problem is
 * reported at the key or value it is about; checking goes on after a problem.
 */
public final class SpecChecker {
    /** Keys that hold secrets wherever they appear; refused even where the format does not know them. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|keyhex|privatekey|apikey)|psk");

    private final Problems problems;
    private final boolean requireKeys;

    private SpecChecker(Problems problems, boolean requireKeys) {
        this.problems = problems;
        this.requireKeys = requireKeys;
    }

    /** Checks {@code node} (the value at {@code path}, "" for the root) against {@code spec}. */
    public static void check(Spec spec, YamlNode node, String path, Problems problems) {
        new SpecChecker(problems, true).value(spec, node, path);
    }

    /**
     * As {@link #check}, but without "missing required key" problems: for a profile whose defaults
     * file could not be read, where missing keys would only be noise.
     */
    public static void checkPresent(Spec spec, YamlNode node, Problems problems) {
        new SpecChecker(problems, false).value(spec, node, "");
    }

    private void value(Spec spec, YamlNode node, String path) {
        if (spec instanceof ObjectSpec o) {
            object(o, node, path);
        } else if (spec instanceof ListSpec l) {
            list(l, node, path);
        } else if (spec instanceof ScalarSpec s) {
            scalar(s, node, path);
        } else {
            choice((ChoiceSpec) spec, node, path);
        }
    }

    private void object(ObjectSpec spec, YamlNode node, String path) {
        if (!(node instanceof YamlMap map)) {
            wrongType(spec, node, path);
            return;
        }
        for (YamlMap.Entry e : map.entries()) {
            String field = join(path, e.key());
            ObjectSpec.Field f = spec.field(e.key());
            String reference = spec.secrets().get(e.key());
            if (reference != null || (f == null && SECRET_NAME.matcher(e.key()).matches())) {
                problems.at(e.keySource(), field, "a secret value does not belong in a profile",
                        reference != null ? "a reference instead: " + reference
                                : "a reference to where the secret is kept, e.g. a file (see the keys ending in 'File')");
            } else if (f == null) {
                String near = Suggest.closest(e.key(), spec.keys());
                problems.at(e.keySource(), field, "unknown key '" + e.key() + "'" + (near == null ? "" : ", did you mean '" + near + "'?"),
                        String.join(", ", spec.keys()));
            } else if (e.value() instanceof YamlScalar s && s.isNull()) {
                if (f.required()) {
                    problems.at(s.source(), field, "required key '" + e.key() + "' has no value", f.spec().expected());
                }
            } else {
                value(f.spec(), e.value(), field);
            }
        }
        for (ObjectSpec.Field f : spec.fields()) {
            if (requireKeys && f.required() && map.get(f.name()) == null) {
                problems.at(map.source(), join(path, f.name()), "missing required key '" + f.name() + "'", f.spec().expected());
            }
        }
    }

    private void list(ListSpec spec, YamlNode node, String path) {
        if (!(node instanceof YamlList list)) {
            wrongType(spec, node, path);
            return;
        }
        List<YamlNode> items = list.items();
        if (items.size() < spec.minItems() || items.size() > spec.maxItems()) {
            problems.at(list.source(), path, items.size() + " items", "from " + spec.minItems() + " to " + spec.maxItems() + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            value(spec.items(), items.get(i), path + "[" + i + "]");
        }
    }

    private void choice(ChoiceSpec spec, YamlNode node, String path) {
        for (Spec alternative : spec.alternatives()) {
            boolean fits = alternative instanceof ObjectSpec ? node instanceof YamlMap
                    : alternative instanceof ListSpec ? node instanceof YamlList : node instanceof YamlScalar;
            if (fits) {
                // the alternative's own problems, but with what the whole choice allows
                Problems own = new Problems();
                new SpecChecker(own, requireKeys).value(alternative, node, path);
                for (ValidationError e : own.sorted()) {
                    boolean here = e.field().equals(path) && e.line() == node.source().line() && e.column() == node.source().column();
                    problems.add(here ? new ValidationError(e.file(), e.line(), e.column(), e.field(),
                            e.problem(), spec.expected()) : e);
                }
                return;
            }
        }
        wrongType(spec, node, path);
    }

    private void scalar(ScalarSpec spec, YamlNode node, String path) {
        if (!(node instanceof YamlScalar s) || !fitsKind(spec, s)) {
            wrongType(spec, node, path);
            return;
        }
        switch (spec.kind()) {
            case INTEGER, NUMBER -> range(spec, s, path);
            case ID -> {
                String problem = GantryId.problemWith(s.text());
                if (problem != null) {
                    problems.at(s.source(), path, problem, spec.expected());
                }
            }
            case ENUM -> {
                if (!spec.values().contains(s.text())) {
                    String near = Suggest.closest(s.text(), spec.values());
                    problems.at(s.source(), path, "'" + s.text() + "' is not allowed" + (near == null ? "" : ", did you mean '" + near + "'?"),
                            spec.expected());
                }
            }
            case TEXT -> text(spec, s, path);
            case BOOLEAN -> { }
        }
    }

    private void text(ScalarSpec spec, YamlScalar s, String path) {
        if (s.text().isBlank()) {
            problems.at(s.source(), path, "empty text", spec.expected());
        } else if (spec.check() != null) {
            Verdict v = spec.check().apply(s.text());
            if (v != null) {
                problems.at(s.source(), path, v.problem(), v.allowed() != null ? v.allowed() : spec.expected());
            }
        }
    }

    private void range(ScalarSpec spec, YamlScalar s, String path) {
        BigDecimal v = s.decimal();
        if (v.compareTo(spec.min()) < 0) {
            String why = spec.minReason() == null ? "the minimum " + spec.withUnit(spec.min())
                    : spec.withUnit(spec.min()) + ", " + spec.minReason();
            problems.at(s.source(), path, spec.withUnit(v) + " is below " + why, spec.expected());
        } else if (v.compareTo(spec.max()) > 0) {
            problems.at(s.source(), path, spec.withUnit(v) + " is above the maximum " + spec.withUnit(spec.max()), spec.expected());
        }
    }

    private static boolean fitsKind(ScalarSpec spec, YamlScalar s) {
        return switch (spec.kind()) {
            case TEXT, ID, ENUM -> s.type() == YamlScalar.Type.TEXT;
            case INTEGER -> s.type() == YamlScalar.Type.INTEGER;
            case NUMBER -> s.isNumber();
            case BOOLEAN -> s.type() == YamlScalar.Type.BOOLEAN;
        };
    }

    private void wrongType(Spec spec, YamlNode node, String path) {
        problems.at(node.source(), path, "wrong type: " + node.describe(), spec.expected());
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Nearest candidate within two edits, for "did you mean" hints. */
    static final class Suggest {
        private Suggest() {
        }

        static String closest(String word, List<String> candidates) {
            String best = null;
            int bestDistance = Math.min(3, (word.length() + 1) / 2); // no "did you mean" between short unrelated words
            for (String c : candidates) {
                int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            return best;
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
