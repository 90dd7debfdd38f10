package org.anpr.device.gpio.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * Geometry and plausibility limits of a pair of loops in one lane.
 *
 * @param spacingMeters      leading edge to leading edge of the two loops (no default: measure it)
 * @param loopLengthMeters   length of one loop along the lane (default 2.0 m), used for vehicle length
 * @param maxPlausibleKmh    faster measurements are rejected as implausible (default 250 km/h)
 * @param maxTransit         an upstream start older than this is not paired (default 5 s, ~2 km/h over 3 m)
 */
public record LoopPairConfig(double spacingMeters, double loopLengthMeters, double maxPlausibleKmh,
                             Duration maxTransit) {

    public static final double DEFAULT_LOOP_LENGTH_METERS = 2.0;
    public static final double DEFAULT_MAX_PLAUSIBLE_KMH = 250.0;
    public static final Duration DEFAULT_MAX_TRANSIT = Duration.ofSeconds(5);

    public LoopPairConfig {
        Objects.requireNonNull(maxTransit, "maxTransit");
        if (!(spacingMeters > 0 && spacingMeters <= 100)) {
            throw new IllegalArgumentException("spacingMeters must be in (0, 100], was " + spacingMeters);
        }
        if (!(loopLengthMeters >= 0 && loopLengthMeters <= 20)) {
            throw new IllegalArgumentException("loopLengthMeters must be in [0, 20], was " + loopLengthMeters);
        }
        if (!(maxPlausibleKmh > 0 && maxPlausibleKmh <= 500)) {
            throw new IllegalArgumentException("maxPlausibleKmh must be in (0, 500], was " + maxPlausibleKmh);
        }
        if (maxTransit.isNegative() || maxTransit.isZero()) {
            throw new IllegalArgumentException("maxTransit must be positive, was " + maxTransit);
        }
    }

    public static LoopPairConfig withSpacing(double spacingMeters) {
        return new LoopPairConfig(spacingMeters, DEFAULT_LOOP_LENGTH_METERS, DEFAULT_MAX_PLAUSIBLE_KMH,
                DEFAULT_MAX_TRANSIT);
    }

    public LoopPairConfig withMaxPlausibleKmh(double kmh) {
        return new LoopPairConfig(spacingMeters, loopLengthMeters, kmh, maxTransit);
    }
}
