package org.anpr.device.radar;

import java.util.Locale;
import java.util.Optional;

/** Speed units an OPS24x module can report in, with the labels it (and its JSON) uses for them. */
public enum SpeedUnit {
    MPS(1.0, "mps", "m/s", "m-per-sec", "ms"),
    KMH(1 / 3.6, "kmh", "kph", "km/h", "kmph", "km-per-hr", "kmhr"),
    MPH(0.44704, "mph", "mi/h", "miph"),
    FPS(0.3048, "fps", "ft/s", "ft-per-sec", "ftps"),
    CMPS(0.01, "cmps", "cm/s", "cm-per-sec", "cps");

    private final double toMps;
    private final String[] labels;

    SpeedUnit(double toMps, String... labels) {
        this.toMps = toMps;
        this.labels = labels;
    }

    public double toMps(double value) {
        return value * toMps;
    }

    public double fromMps(double mps) {
        return mps / toMps;
    }

    /** The unit for a label such as {@code "mph"} or {@code "km-per-hr"}, case-insensitive. */
    public static Optional<SpeedUnit> parse(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (SpeedUnit u : values()) {
            for (String s : u.labels) {
                if (s.equals(l)) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }
}
