package org.anpr.ocr.syntax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anpr.ocr.Region;

/**
 * The plate syntaxes of a region, read from {@code org/anpr/ocr/syntax/<region>.patterns}.
 * Line format: {@code COUNTRY  NAME  PATTERN  [PRIOR]}; {@code ;} starts a comment. The NAME
 * ({@code ES-2000}, {@code NL-sidecode-8}, see {@link SyntaxName}) is what a reading reports as its
 * plate format; it must be unique within the file. See {@link PlatePattern#expand} for the pattern
 * language.
 */
public final class SyntaxProfile {
    private final String name;
    private final List<PlatePattern> patterns;
    private final List<String> syntaxNames;

    public SyntaxProfile(String name, List<PlatePattern> patterns) {
        this.name = name;
        this.patterns = List.copyOf(patterns);
        this.syntaxNames = patterns.stream().map(PlatePattern::name).distinct().toList();
    }

    private SyntaxProfile(String name, List<PlatePattern> patterns, List<String> syntaxNames) {
        this.name = name;
        this.patterns = List.copyOf(patterns);
        this.syntaxNames = List.copyOf(syntaxNames);
    }

    public static SyntaxProfile load(Region region) {
        try (InputStream in = SyntaxProfile.class.getClassLoader().getResourceAsStream(region.patternsResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + region.patternsResource());
            }
            return parse(region.code(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a patterns file; errors name the line. */
    public static SyntaxProfile parse(String name, InputStream in) throws IOException {
        // Quantifier expansion can produce the same class sequence twice (@{1,3}@{1,2}): keep the first.
        Map<String, PlatePattern> out = new LinkedHashMap<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            int comment = line.indexOf(';');
            String body = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (body.isEmpty()) {
                continue;
            }
            String[] f = body.split("\\s+");
            String where = name + ".patterns line " + no + ": ";
            if (f.length < 3 || f.length > 4) {
                throw new IllegalArgumentException(where + "expected COUNTRY NAME PATTERN [PRIOR]");
            }
            if (!SyntaxName.isValid(f[1])) {
                throw new IllegalArgumentException(where + "bad syntax name '" + f[1] + "' (" + SyntaxName.RULE
                        + "); expected COUNTRY NAME PATTERN [PRIOR]");
            }
            Integer first = names.putIfAbsent(f[1], no);
            if (first != null) {
                throw new IllegalArgumentException(where + "syntax name " + f[1] + " already used on line " + first);
            }
            try {
                double prior = f.length == 4 ? Double.parseDouble(f[3]) : 1.0;
                if (prior <= 0 || prior > 1) {
                    throw new IllegalArgumentException("prior must be in (0, 1]");
                }
                for (PlatePattern p : PlatePattern.expand(f[1], f[0], f[2], prior)) {
                    out.putIfAbsent(p.country() + p.classes(), p);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ".patterns has no patterns");
        }
        return new SyntaxProfile(name, new ArrayList<>(out.values()), new ArrayList<>(names.keySet()));
    }

    public String name() {
        return name;
    }

    /** Every fixed-length form of every syntax, in file order. */
    public List<PlatePattern> patterns() {
        return patterns;
    }

    /** The syntax names, one per line of the patterns file, in file order. */
    public List<String> syntaxNames() {
        return syntaxNames;
    }

    /** The first pattern the text fits, if any. */
    public Optional<PlatePattern> match(String text) {
        return patterns.stream().filter(p -> p.matches(text)).findFirst();
    }
}
