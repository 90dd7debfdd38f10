package org.anpr.edge.clock;

import java.util.Locale;
import org.anpr.protocol.v1.ClockSync;

/**
 * One answer of {@code chronyc -c tracking} (chrony's machine-readable tracking report), reduced
 * to what a read's time stamp needs: is the clock disciplined, and how far off can it be.
 *
 * @param referenceId    hex reference id; {@code 00000000} or {@code 7F7F0101} (local) = no real reference
 * @param stratum        1..15 when synchronised to a real source
 * @param offsetSeconds  "System time": how far the system clock is from chrony's estimate of true time
 * @param rootDelay      total network delay to the stratum-1 source, seconds
 * @param rootDispersion total dispersion accumulated to the stratum-1 source, seconds
 * @param leapStatus     {@code Normal}, {@code Insert second}, {@code Delete second} or {@code Not synchronised}
 */
public record ChronyTracking(String referenceId, int stratum, double offsetSeconds, double rootDelay,
                             double rootDispersion, String leapStatus) {

    /**
     * Parses the CSV line: reference id, reference name, stratum, reference time, system time,
     * last offset, RMS offset, frequency, residual frequency, skew, root delay, root dispersion,
     * update interval, leap status (14 fields, chrony 3.x and 4.x).
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static ChronyTracking parse(String line) {
        String[] f = line.trim().split(",", -1);
        if (f.length < 14) {
            throw new IllegalArgumentException("chronyc tracking: expected 14 comma-separated fields, got " + f.length + ": '" + line.trim() + "'");
        }
        return new ChronyTracking(f[0].trim().toUpperCase(Locale.ROOT), (int) number(f[2], "stratum"),
                number(f[4], "system time"), number(f[10], "root delay"), number(f[11], "root dispersion"), f[13].trim());
    }

    private static double number(String s, String field) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chronyc tracking: " + field + " is not a number: '" + s.trim() + "'");
        }
    }

    /** Synchronised: a real reference (not the local clock), a valid stratum and no "Not synchronised" leap status. */
    public ClockSync sync() {
        boolean realReference = !referenceId.equals("00000000") && !referenceId.equals("7F7F0101");
        boolean synced = realReference && stratum >= 1 && stratum <= 15 && !leapStatus.equalsIgnoreCase("Not synchronised");
        return synced ? ClockSync.CLOCK_SYNC_SYNCHRONISED : ClockSync.CLOCK_SYNC_UNSYNCHRONISED;
    }

    /**
     * Bound on the clock's error, microseconds: |offset| + root dispersion + root delay / 2 — the
     * bound chrony's documentation gives for the distance from true time.
     */
    public long errorMicros() {
        return Math.round((Math.abs(offsetSeconds) + rootDispersion + rootDelay / 2) * 1e6);
    }

    public long offsetMicros() {
        return Math.round(offsetSeconds * 1e6);
    }
}
