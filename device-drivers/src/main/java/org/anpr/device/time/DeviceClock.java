package org.anpr.device.time;

import java.time.Instant;

/**
 * Time source for device events. Events are timestamped with a monotonic reading (immune to NTP
 * steps, so intervals such as loop-to-loop times stay exact) and mapped to UTC for reporting.
 * Injected everywhere so tests control time.
 */
public interface DeviceClock {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long monotonicNanos();

    /** UTC instant corresponding to a monotonic reading taken from this clock. */
    Instant toUtc(long monotonicNanos);

    /** The system clock: {@link System#nanoTime()} anchored once to the wall clock. */
    static DeviceClock system() {
        return SystemDeviceClock.INSTANCE;
    }
}
