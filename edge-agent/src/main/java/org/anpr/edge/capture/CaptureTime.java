package org.anpr.edge.capture;

import java.time.Instant;
import org.anpr.device.time.DeviceClock;

/** Conversions between the device clock and the frame timestamps. */
public final class CaptureTime {
    private CaptureTime() {
    }

    /** UTC microseconds since the epoch of {@code instant}. */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** UTC microseconds of a monotonic reading of {@code clock}. */
    public static long micros(DeviceClock clock, long monotonicNanos) {
        return micros(clock.toUtc(monotonicNanos));
    }
}
