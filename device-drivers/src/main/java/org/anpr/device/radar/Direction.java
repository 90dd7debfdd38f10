package org.anpr.device.radar;

/** Travel direction relative to the radar. */
public enum Direction {
    /** Approaching the radar. */
    INBOUND,
    /** Moving away from it. */
    OUTBOUND,
    /** Zero speed: no direction. */
    NONE
}
