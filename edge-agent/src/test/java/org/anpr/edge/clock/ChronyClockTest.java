package org.anpr.edge.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.anpr.protocol.v1.ClockSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chrony's tracking report → sync state and error bound; the poller against a real child process. */
class ChronyClockTest {
    /** Recorded from chronyd 4.3 synchronised to an NTP server (fields as chronyc -c prints them). */
    static final String SYNCED = "C0A80001,192.168.0.1,3,1795331125.436523014,-0.000012345,0.000003210,0.000021000,"
            + "-7.123,-0.001,0.045,0.002000000,0.000300000,64.4,Normal";
    /** chronyd running but never reached a server. */
    static final String UNSYNCED = "00000000,,0,0.000000000,0.000000000,0.000000000,0.000000000,0.000,0.000,0.000,"
            + "1.000000000,1.000000000,0.0,Not synchronised";

    @TempDir
    Path dir;

    @Test
    void trackingReportGivesStateAndErrorBound() {
        ChronyTracking t = ChronyTracking.parse(SYNCED + "\n");
        assertEquals(ClockSync.CLOCK_SYNC_SYNCHRONISED, t.sync());
        assertEquals(-12, t.offsetMicros());
        // |offset| + root dispersion + root delay / 2 = 12.3 + 300 + 1000 µs
        assertEquals(1312, t.errorMicros());
        assertEquals(ClockSync.CLOCK_SYNC_UNSYNCHRONISED, ChronyTracking.parse(UNSYNCED).sync());
        String local = SYNCED.replace("C0A80001,192.168.0.1,3", "7F7F0101,,10"); // free-running on its own clock
        assertEquals(ClockSync.CLOCK_SYNC_UNSYNCHRONISED, ChronyTracking.parse(local).sync());
    }

    @Test
    void malformedReportsNameTheProblem() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> ChronyTracking.parse("506 Cannot talk to daemon"));
        assertTrue(few.getMessage().contains("expected 14 comma-separated fields, got 1"), few.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ChronyTracking.parse(SYNCED.replace("-0.000012345", "abc")));
        assertEquals("chronyc tracking: system time is not a number: 'abc'", nan.getMessage());
    }

    private Path script(String body) throws Exception {
        Path s = dir.resolve("chronyc-" + System.nanoTime());
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void pollerFollowsTheDaemonAndFallsBackToHoldoverWhenItStopsAnswering() throws Exception {
        Path answer = dir.resolve("answer");
        Files.writeString(answer, SYNCED);
        Path chronyc = script("cat '" + answer + "' || exit 1");
        try (ChronyClock clock = new ChronyClock(List.of(chronyc.toString()), Duration.ofMillis(200))) {
            assertNull(clock.poll());
            assertEquals(ClockSync.CLOCK_SYNC_SYNCHRONISED, clock.clockSync());
            assertEquals(1312, clock.clockErrorMicros());

            Files.writeString(answer, UNSYNCED);
            assertNull(clock.poll());
            assertEquals(ClockSync.CLOCK_SYNC_UNSYNCHRONISED, clock.clockSync());

            Files.writeString(answer, SYNCED);
            assertNull(clock.poll());
            Files.delete(answer); // the daemon stops answering: the command fails from now on
            Thread.sleep(900); // more than three periods since the last good answer
            assertTrue(clock.problem() != null && clock.problem().contains("exit 1"), clock.problem());
            assertEquals(ClockSync.CLOCK_SYNC_HOLDOVER, clock.clockSync());
        }
    }

    @Test
    void withoutChronyTheStateStaysUnknown() throws Exception {
        try (ChronyClock clock = new ChronyClock(List.of(dir.resolve("no-such-chronyc").toString()), Duration.ofSeconds(60))) {
            String problem = clock.poll();
            assertTrue(problem != null && problem.contains("no-such-chronyc"), problem);
            assertEquals(ClockSync.CLOCK_SYNC_UNKNOWN, clock.clockSync());
            assertEquals(0, clock.clockErrorMicros());
        }
    }
}
