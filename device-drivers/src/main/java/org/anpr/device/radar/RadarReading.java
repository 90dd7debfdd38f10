package org.anpr.device.radar;

import java.time.Instant;

/**
 * One speed report.
 *
 * @param speedMps       magnitude in m/s, never negative
 * @param reportedUnit   the unit the module reported in
 * @param monotonicNanos when the line was complete, on the injected clock's monotonic scale
 */
public record RadarReading(double speedMps, Direction direction, SpeedUnit reportedUnit, long monotonicNanos,
                           Instant utc) {

    public double kmh() {
        return SpeedUnit.KMH.fromMps(speedMps);
    }

    public double in(SpeedUnit unit) {
        return unit.fromMps(speedMps);
    }
}
