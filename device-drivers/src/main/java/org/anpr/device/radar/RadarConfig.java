package org.anpr.device.radar;

import java.util.Objects;

/**
 * How radar lines are read.
 *
 * @param initialUnit       unit of lines without a unit label until the module says otherwise
 *                          (default MPS, the OPS24x power-on default)
 * @param positiveIsInbound sign convention of bare numbers (default true: the module reports
 *                          approaching targets positive)
 * @param maxLineBytes      longer lines are dropped as OVERLONG (default 120)
 * @param maxPlausibleKmh   faster readings are dropped as IMPLAUSIBLE (default 300 km/h)
 * @param discardFirstLine  drop the first line as PARTIAL, because a port opened mid-stream
 *                          starts inside a line (default true)
 */
public record RadarConfig(SpeedUnit initialUnit, boolean positiveIsInbound, int maxLineBytes,
                          double maxPlausibleKmh, boolean discardFirstLine) {

    public RadarConfig {
        Objects.requireNonNull(initialUnit, "initialUnit");
        if (maxLineBytes < 16 || maxLineBytes > 4096) {
            throw new IllegalArgumentException("maxLineBytes must be in [16, 4096], was " + maxLineBytes);
        }
        if (!(maxPlausibleKmh > 0 && maxPlausibleKmh <= 1000)) {
            throw new IllegalArgumentException("maxPlausibleKmh must be in (0, 1000], was " + maxPlausibleKmh);
        }
    }

    public static RadarConfig defaults() {
        return new RadarConfig(SpeedUnit.MPS, true, 120, 300.0, true);
    }

    public RadarConfig withInitialUnit(SpeedUnit unit) {
        return new RadarConfig(unit, positiveIsInbound, maxLineBytes, maxPlausibleKmh, discardFirstLine);
    }

    public RadarConfig withDiscardFirstLine(boolean discard) {
        return new RadarConfig(initialUnit, positiveIsInbound, maxLineBytes, maxPlausibleKmh, discard);
    }

    public RadarConfig withPositiveIsInbound(boolean inbound) {
        return new RadarConfig(initialUnit, inbound, maxLineBytes, maxPlausibleKmh, discardFirstLine);
    }
}
