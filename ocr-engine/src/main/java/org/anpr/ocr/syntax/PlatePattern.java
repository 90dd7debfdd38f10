package org.anpr.ocr.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * One fixed-length plate syntax: a character class per position.
 *
 * @param name    the syntax's stable name from the patterns file ({@code NL-sidecode-7}, {@code EU-generic}):
 *                what the recogniser reports as the plate format; shared by every fixed-length form of one line
 * @param country country code ({@code NL}), or the region code for a generic fallback
 * @param source  the pattern as written in the patterns file (before quantifier expansion)
 * @param classes allowed characters per position
 * @param prior   0-1 weight of this syntax (generic fallbacks get less than national ones)
 */
public record PlatePattern(String name, String country, String source, List<String> classes, double prior) {

    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";

    public PlatePattern {
        if (!SyntaxName.isValid(name)) {
            throw new IllegalArgumentException("bad syntax name '" + name + "': " + SyntaxName.RULE);
        }
        classes = List.copyOf(classes);
    }

    public int length() {
        return classes.size();
    }

    public boolean allows(int position, char c) {
        return classes.get(position).indexOf(c) >= 0;
    }

    /** True when {@code text} fits this pattern exactly. */
    public boolean matches(String text) {
        if (text.length() != length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!allows(i, text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Expands a pattern into its fixed-length forms. Tokens: {@code @} letter, {@code #} digit,
     * {@code ?} letter or digit, {@code [A-HJ-NP-Z]} a class, any other A-Z/0-9 itself; each token
     * may be followed by {@code {n}} or {@code {m,n}}.
     */
    public static List<PlatePattern> expand(String name, String country, String pattern, double prior) {
        List<String> tokens = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            String cls;
            if (c == '@') {
                cls = LETTERS;
                i++;
            } else if (c == '#') {
                cls = DIGITS;
                i++;
            } else if (c == '?') {
                cls = LETTERS + DIGITS;
                i++;
            } else if (c == '[') {
                int end = pattern.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in " + pattern);
                }
                cls = charClass(pattern.substring(i + 1, end), pattern);
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                cls = String.valueOf(Character.toUpperCase(c));
                i++;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in pattern " + pattern);
            }
            int[] mn = {1, 1};
            if (i < pattern.length() && pattern.charAt(i) == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed { in " + pattern);
                }
                String[] parts = pattern.substring(i + 1, end).split(",");
                mn[0] = Integer.parseInt(parts[0].trim());
                mn[1] = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : mn[0];
                if (mn[0] < 0 || mn[1] < mn[0] || mn[1] > 10) {
                    throw new IllegalArgumentException("bad quantifier in " + pattern);
                }
                i = end + 1;
            }
            tokens.add(cls);
            counts.add(mn);
        }
        List<PlatePattern> out = new ArrayList<>();
        expand(name, country, pattern, prior, tokens, counts, 0, new ArrayList<>(), out);
        return out;
    }

    private static void expand(String name, String country, String src, double prior, List<String> tokens, List<int[]> counts,
                               int t, List<String> acc, List<PlatePattern> out) {
        if (t == tokens.size()) {
            if (!acc.isEmpty() && acc.size() <= 10) {
                out.add(new PlatePattern(name, country, src, acc, prior));
            }
            return;
        }
        for (int n = counts.get(t)[0]; n <= counts.get(t)[1]; n++) {
            List<String> next = new ArrayList<>(acc);
            for (int k = 0; k < n; k++) {
                next.add(tokens.get(t));
            }
            expand(name, country, src, prior, tokens, counts, t + 1, next, out);
        }
    }

    private static String charClass(String body, String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < body.length(); k++) {
            char a = Character.toUpperCase(body.charAt(k));
            if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
                char b = Character.toUpperCase(body.charAt(k + 2));
                for (char c = a; c <= b; c++) {
                    sb.append(c);
                }
                k += 2;
            } else if (Character.isLetterOrDigit(a)) {
                sb.append(a);
            } else {
                throw new IllegalArgumentException("bad character class [" + body + "] in " + pattern);
            }
        }
        return sb.toString();
    }
}
