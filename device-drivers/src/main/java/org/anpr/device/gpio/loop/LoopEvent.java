package org.anpr.device.gpio.loop;

import java.time.Instant;

/**
 * Something that happened on one loop.
 *
 * @param monotonicNanos when it happened, on the injected clock's monotonic scale (use for intervals)
 * @param utc            the same moment in UTC (use for reporting)
 */
public record LoopEvent(String loopId, Kind kind, long monotonicNanos, Instant utc) {

    public enum Kind {
        PRESENCE_START,
        PRESENCE_END,
        FAULT_STUCK_OCCUPIED,
        FAULT_STUCK_VACANT,
        FAULT_CLEARED
    }
}
