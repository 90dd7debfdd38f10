package org.anpr.ocr.synth;

import org.anpr.ocr.Region;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random plate numbers that follow the national syntax of a country. Templates use {@code L} for a
 * letter, {@code D} for a digit, {@code X} for either; every other character is a separator that is
 * printed on the plate but is not part of the ground truth.
 */
public final class PlateSyntaxSample {

    private static final String DIGITS = "0123456789";
    /** Characters that generic OCR confuses; sampled more often when a bias is asked for. */
    private static final String CONFUSABLE_LETTERS = "OIBSZGDQHWMN";
    private static final String CONFUSABLE_DIGITS = "0185264";

    /** A country's templates and the letters its plates use. */
    private record Syntax(List<String> templates, String letters) {
    }

    private static final String ALL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Map<String, Syntax> SYNTAX = Map.ofEntries(
            Map.entry("BE", new Syntax(List.of("D-LLL-DDD"), ALL)),
            // Dutch sidecodes 1-11; vowels are not issued
            Map.entry("NL", new Syntax(List.of("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD",
                    "DD-LL-LL", "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "D-LL-DDD",
                    "DDD-LL-D"), "BDFGHJKLNPRSTVXZ")),
            Map.entry("FR", new Syntax(List.of("LL-DDD-LL"), "ABCDEFGHJKLMNPQRSTVWXYZ")),
            Map.entry("DE", new Syntax(List.of("L-LL DDDD", "LL-L DDD", "LLL-LL DDD", "L-L DDDD", "LL-LL DD",
                    "LLL-L DDDD", "L-LL DDD"), ALL)),
            Map.entry("LU", new Syntax(List.of("LL DDDD", "L DDDD", "DDDDD"), ALL)),
            Map.entry("GB", new Syntax(List.of("LLDD LLL"), "ABCDEFGHJKLMNOPRSTUVWXYZ")),
            Map.entry("ES", new Syntax(List.of("DDDD LLL"), "BCDFGHJKLMNPRSTVWXYZ")),
            Map.entry("IT", new Syntax(List.of("LL DDD LL"), "ABCDEFGHJKLMNPRSTVWXYZ")),
            Map.entry("PL", new Syntax(List.of("LL DDDDD", "LL DDDLL", "LLL DDDD", "LLL DDLL", "LL DDDDL"),
                    "ABCDEFGHJKLMNPRSTUVWXYZ")),
            Map.entry("SK", new Syntax(List.of("LL-DDDLL", "LL DDDLL"), "ABCDEFGHJKLMNPRSTUVXYZ")),
            Map.entry("CZ", new Syntax(List.of("DLD DDDD", "DLL DDDD", "DLX DDDD"), "ABCDEFHJKLMNPRSTUVXYZ")),
            Map.entry("AT", new Syntax(List.of("L-DDDLL", "LL-DDDL", "LL-DDDDL", "L-DDDDLL"), ALL)),
            Map.entry("HR", new Syntax(List.of("LL DDD-LL", "LL DDDD-L", "LL DDDD-LL"), "ABCDEFGHIJKLMNOPRSTUVZ")),
            Map.entry("BR", new Syntax(List.of("LLL-DDDD", "LLLDLDD"), ALL)),
            Map.entry("US", new Syntax(List.of("DLLLDDD", "LLL-DDDD", "LLL DDD", "DDD LLL", "XX", "XXX XX",
                    "XXXX", "XXXXX", "XXX XXX", "XXXXXXX", "XXXX XXXX"), ALL)));

    private static final Map<Region, List<String>> COUNTRIES = Map.of(
            Region.EU, List.of("BE", "NL", "FR", "DE", "LU", "GB", "ES", "IT", "PL", "SK", "CZ", "AT", "HR"),
            Region.BR, List.of("BR"),
            Region.US, List.of("US"));

    private PlateSyntaxSample() {
    }

    /** Countries whose plates {@link #next(String, Random)} can produce for a region. */
    public static List<String> countries(Region region) {
        return COUNTRIES.get(region);
    }

    /** The region a country belongs to. */
    public static Region regionOf(String country) {
        for (Map.Entry<Region, List<String>> e : COUNTRIES.entrySet()) {
            if (e.getValue().contains(country)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    /** A random country of the region, then a random plate of that country. */
    public static PlateText next(Region region, Random rnd) {
        List<String> cs = countries(region);
        return next(cs.get(rnd.nextInt(cs.size())), rnd);
    }

    public static PlateText next(String country, Random rnd) {
        return next(country, rnd, 0);
    }

    /**
     * @param confusableBias probability that a character is drawn from the set generic OCR confuses
     *                       (O/0, I/1, 8/B, 5/S, 2/Z, 6/G, W/H, ...), for training hard negatives
     */
    public static PlateText next(String country, Random rnd, double confusableBias) {
        Syntax syntax = SYNTAX.get(country);
        if (syntax == null) {
            throw new IllegalArgumentException("unknown country " + country);
        }
        String template = syntax.templates().get(rnd.nextInt(syntax.templates().size()));
        StringBuilder text = new StringBuilder();
        StringBuilder display = new StringBuilder();
        for (char t : template.toCharArray()) {
            char c = switch (t) {
                case 'L' -> letter(syntax.letters(), rnd, confusableBias);
                case 'D' -> digit(rnd, confusableBias);
                case 'X' -> rnd.nextInt(3) == 0 ? digit(rnd, confusableBias) : letter(ALL, rnd, confusableBias);
                default -> 0;
            };
            if (c == 0) {
                display.append(t);
            } else {
                text.append(c);
                display.append(c);
            }
        }
        return new PlateText(text.toString(), display.toString(), country);
    }

    /** The template matching {@code text} with its separators removed, or null: tests use this. */
    public static String templateOf(String country, String text) {
        for (String template : SYNTAX.get(country).templates()) {
            String bare = template.replaceAll("[^LDX]", "");
            if (bare.length() == text.length() && matches(bare, text, SYNTAX.get(country).letters())) {
                return template;
            }
        }
        return null;
    }

    private static boolean matches(String bare, String text, String letters) {
        for (int i = 0; i < bare.length(); i++) {
            char c = text.charAt(i);
            boolean ok = switch (bare.charAt(i)) {
                case 'L' -> letters.indexOf(c) >= 0;
                case 'D' -> Character.isDigit(c);
                default -> ALL.indexOf(c) >= 0 || Character.isDigit(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static char letter(String letters, Random rnd, double bias) {
        if (rnd.nextDouble() < bias) {
            // stay within the country's alphabet so the plate remains syntactically valid
            char c = CONFUSABLE_LETTERS.charAt(rnd.nextInt(CONFUSABLE_LETTERS.length()));
            if (letters.indexOf(c) >= 0) {
                return c;
            }
        }
        return letters.charAt(rnd.nextInt(letters.length()));
    }

    private static char digit(Random rnd, double bias) {
        if (rnd.nextDouble() < bias) {
            return CONFUSABLE_DIGITS.charAt(rnd.nextInt(CONFUSABLE_DIGITS.length()));
        }
        return DIGITS.charAt(rnd.nextInt(DIGITS.length()));
    }
}
