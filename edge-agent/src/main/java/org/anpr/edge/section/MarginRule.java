package org.anpr.edge.section;

import java.util.Locale;

/**
 * The enforcement margin a country deducts from a measured speed before comparing it with the
 * limit: a fixed amount up to a threshold speed, a percentage of the speed above it.
 *
 * @param name         what violations record as {@code margin_rule}, e.g. "NL"
 * @param absoluteKmh  margin at or below {@code thresholdKmh}
 * @param thresholdKmh speed at which the percentage takes over
 * @param percent      margin above the threshold, percent of the measured speed
 */
public record MarginRule(String name, double absoluteKmh, double thresholdKmh, double percent) {
    /** Netherlands: 3 km/h up to 100 km/h, 3 % above. */
    public static final MarginRule NL = new MarginRule("NL", 3, 100, 3);
    /** France: 5 km/h below 100 km/h, 5 % from 100 (equal at exactly 100, so either side works). */
    public static final MarginRule FR = new MarginRule("FR", 5, 100, 5);

    public MarginRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("margin rule needs a name");
        }
        if (!(absoluteKmh >= 0) || !(thresholdKmh >= 0) || !(percent >= 0) || percent > 50) {
            throw new IllegalArgumentException("margin rule " + name + ": values must be >= 0 and percent <= 50");
        }
    }

    /** Margin in km/h for a measured speed. */
    public double marginKmh(double speedKmh) {
        return speedKmh <= thresholdKmh ? absoluteKmh : speedKmh * percent / 100.0;
    }

    /** A preset by country code (NL, FR), or null. Belgium and others are configured explicitly. */
    public static MarginRule preset(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "NL" -> NL;
            case "FR" -> FR;
            default -> null;
        };
    }

    /** A configured rule; its label carries the numbers, e.g. {@code BE:6/100/6%}. */
    public static MarginRule custom(String country, double absoluteKmh, double thresholdKmh, double percent) {
        String label = String.format(Locale.ROOT, "%s:%s/%s/%s%%", country, trim(absoluteKmh), trim(thresholdKmh), trim(percent));
        return new MarginRule(label, absoluteKmh, thresholdKmh, percent);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
