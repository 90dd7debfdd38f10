package org.anpr.device.radar;

/** Why a radar line was skipped. */
public enum BadLine {
    /** Bytes outside printable ASCII: line noise, wrong baud rate, a module rebooting. */
    BINARY,
    /** Longer than {@link RadarConfig#maxLineBytes()}; dropped up to the next line end. */
    OVERLONG,
    /** A fragment: the first line after joining a stream mid-line, or an unterminated tail. */
    PARTIAL,
    /** Not a speed report format we know. */
    MALFORMED,
    /** NaN or infinity where a speed should be. */
    NOT_A_NUMBER,
    /** Faster than {@link RadarConfig#maxPlausibleKmh()}. */
    IMPLAUSIBLE
}
