package org.anpr.provision.commission;

import java.time.Instant;
import java.util.List;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.TestCapture;

/**
 * What {@code commission} found on a gantry: every check, and the device's state as read.
 *
 * @param status   {@code /status} at the start
 * @param clock    {@code /clock}, or null when it could not be read
 * @param hotlist  {@code /hotlist}, or null when it could not be read
 * @param testShot the test capture, or null when none was taken
 * @param shotSize width x height of the test shot's JPEG as decoded here, or null
 */
public record CommissioningReport(String gantryId, String site, String device, String profile, Instant started,
                                  Instant finished, List<Check> checks, GantryStatus status, ClockInfo clock,
                                  HotlistInfo hotlist, TestCapture testShot, String shotSize) {
    public CommissioningReport {
        checks = List.copyOf(checks);
    }

    /** Passed: no check failed (skipped ones are not applicable here). */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.outcome() == Check.Outcome.FAIL);
    }

    public long count(Check.Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
