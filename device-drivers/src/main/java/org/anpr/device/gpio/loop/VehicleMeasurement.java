package org.anpr.device.gpio.loop;

import java.time.Instant;

/**
 * One vehicle over a loop pair.
 *
 * @param upstreamStartUtc when the vehicle reached the first loop
 * @param speedKmh         spot speed from the two leading edges
 * @param lengthMeters     estimated length (speed x mean occupancy - loop length), never negative
 * @param plausible        false when rejected; then {@code rejectReason} says why
 */
public record VehicleMeasurement(Instant upstreamStartUtc, double speedKmh, double lengthMeters,
                                 boolean plausible, String rejectReason) {
}
