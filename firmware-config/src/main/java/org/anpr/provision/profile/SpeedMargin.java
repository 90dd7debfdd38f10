package org.anpr.provision.profile;

import java.util.Locale;

/**
 * The margin a country deducts from a measured speed ({@code margin: NL}, {@code FR}, or
 * {@code { country, absoluteKmh, thresholdKmh, percent }}): a fixed amount up to a threshold speed,
 * a percentage of the speed above it. The presets are the edge agent's.
 *
 * @param preset       preset name, or null for an explicit rule
 * @param country      country code the rule belongs to
 * @param absoluteKmh  margin at or below {@code thresholdKmh}
 * @param thresholdKmh speed at which the percentage takes over
 * @param percent      margin above the threshold, percent of the measured speed
 */
public record SpeedMargin(String preset, String country, double absoluteKmh, double thresholdKmh, double percent) {
    public static final SpeedMargin NL = new SpeedMargin("NL", "NL", 3, 100, 3);
    public static final SpeedMargin FR = new SpeedMargin("FR", "FR", 5, 100, 5);

    /** A preset by name (NL, FR), or null. */
    public static SpeedMargin preset(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "NL" -> NL;
            case "FR" -> FR;
            default -> null;
        };
    }

    /** Same numbers (a preset equals the explicit rule it stands for). */
    public boolean sameRule(SpeedMargin o) {
        return o != null && absoluteKmh == o.absoluteKmh && thresholdKmh == o.thresholdKmh && percent == o.percent;
    }

    /** {@code NL preset: 3 km/h up to 100 km/h, 3% above} or {@code BE: 6 km/h up to 100 km/h, 6% above}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s km/h up to %s km/h, %s%% above", preset != null ? preset + " preset" : country,
                trim(absoluteKmh), trim(thresholdKmh), trim(percent));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
