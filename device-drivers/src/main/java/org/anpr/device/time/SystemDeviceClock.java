package org.anpr.device.time;

import java.time.Instant;

/**
 * Anchors {@link System#nanoTime()} to the wall clock once at start-up. A later wall-clock step
 * (NTP correction) does not move event timestamps relative to each other; the edge agent reports
 * the clock's sync state separately.
 */
final class SystemDeviceClock implements DeviceClock {

    static final SystemDeviceClock INSTANCE = new SystemDeviceClock();

    private final long anchorNanos = System.nanoTime();
    private final Instant anchorUtc = Instant.now();

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public Instant toUtc(long monotonicNanos) {
        return anchorUtc.plusNanos(monotonicNanos - anchorNanos);
    }
}
