package org.anpr.device.gpio.light;

import java.time.Duration;
import java.util.Objects;

/**
 * Lamp protection limits of a pulsed light.
 *
 * @param maxPulse        longest single pulse accepted
 * @param window          sliding window over which the duty cycle is measured
 * @param maxDutyFraction on-time / window may not exceed this (0 &lt; f &lt;= 1)
 * @param activeHigh      the driver switches the lamp on with a high level (default true)
 */
public record LightConfig(Duration maxPulse, Duration window, double maxDutyFraction, boolean activeHigh) {

    public LightConfig {
        Objects.requireNonNull(maxPulse, "maxPulse");
        Objects.requireNonNull(window, "window");
        if (maxPulse.isNegative() || maxPulse.isZero()) {
            throw new IllegalArgumentException("maxPulse must be positive, was " + maxPulse);
        }
        if (window.compareTo(maxPulse) < 0) {
            throw new IllegalArgumentException("window must be at least maxPulse, was " + window);
        }
        if (!(maxDutyFraction > 0 && maxDutyFraction <= 1)) {
            throw new IllegalArgumentException("maxDutyFraction must be in (0, 1], was " + maxDutyFraction);
        }
        if (maxPulse.toNanos() > maxDutyFraction * window.toNanos()) {
            throw new IllegalArgumentException("maxPulse must fit the duty budget (maxDutyFraction x window), was "
                    + maxPulse);
        }
    }

    /** Xenon/LED flash: pulses up to 2 ms, at most 2 % on-time over 1 s. */
    public static LightConfig flashDefaults() {
        return new LightConfig(Duration.ofMillis(2), Duration.ofSeconds(1), 0.02, true);
    }

    /** IR illuminator strobed with the exposure: up to 20 ms, at most 25 % over 10 s. */
    public static LightConfig illuminatorDefaults() {
        return new LightConfig(Duration.ofMillis(20), Duration.ofSeconds(10), 0.25, true);
    }
}
