package org.anpr.device.gpio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anpr.device.gpio.MockGpio;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two loops 3.0 m apart (leading edges), 2.0 m long, driven through Pi4J's mock provider. */
class LoopPairTest {

    private final MockGpio gpio = new MockGpio();
    private final ManualClock clock = new ManualClock();
    private final List<VehicleMeasurement> measurements = new ArrayList<>();
    private LoopDetector up;
    private LoopDetector down;
    private LoopPair pair;

    @BeforeEach
    void wire() {
        LoopConfig cfg = LoopConfig.defaults().withDebounce(Duration.ofMillis(2));
        up = new LoopDetector("L1-up", gpio.input("up"), clock, cfg);
        down = new LoopDetector("L1-down", gpio.input("down"), clock, cfg);
        pair = LoopPair.attach(up, down, LoopPairConfig.withSpacing(3.0).withMaxPlausibleKmh(250));
        pair.addListener(measurements::add);
    }

    @AfterEach
    void close() {
        gpio.close();
    }

    /** Drives one vehicle: downstream starts {@code transitMs} after upstream, each loop occupied {@code occMs}. */
    private void vehicle(long transitMs, long occMs) {
        // event list in time order: (time ms, pin, level)
        long[][] ev = {{0, 0, 1}, {occMs, 0, 0}, {transitMs, 1, 1}, {transitMs + occMs, 1, 0}};
        java.util.Arrays.sort(ev, (a, b) -> Long.compare(a[0], b[0]));
        long t = 0;
        for (long[] e : ev) {
            step(e[0] - t);
            t = e[0];
            gpio.drive(e[1] == 0 ? "up" : "down", e[2] == 1);
        }
        step(10);
    }

    /** Advances time 1 ms at a time, ticking both detectors as the production scheduler would. */
    private void step(long ms) {
        for (long i = 0; i < ms; i++) {
            clock.advanceMillis(1);
            up.tick();
            down.tick();
        }
    }

    @Test
    void hundredKmhIsMeasuredAndAccepted() {
        // 3.0 m in 108 ms = 27.78 m/s = 100 km/h; 4.5 m car + 2 m loop = 6.5 m occupied -> 234 ms
        vehicle(108, 234);
        assertEquals(1, measurements.size());
        VehicleMeasurement m = measurements.get(0);
        assertTrue(m.plausible(), m.rejectReason());
        assertEquals(100.0, m.speedKmh(), 1e-9);
        assertEquals(4.5, m.lengthMeters(), 0.01);
        assertEquals(1, pair.acceptedCount());
    }

    @Test
    void threeHundredKmhIsRejectedAboveTheConfiguredMax() {
        vehicle(36, 78);
        assertEquals(1, measurements.size());
        VehicleMeasurement m = measurements.get(0);
        assertFalse(m.plausible());
        assertEquals(300.0, m.speedKmh(), 1e-9);
        assertTrue(m.rejectReason().contains("maxPlausibleKmh"), m.rejectReason());
        assertEquals(1, pair.rejectedCount());
        assertEquals(0, pair.acceptedCount());
    }

    @Test
    void threeHundredKmhIsAcceptedWhenTheMaxAllowsIt() {
        LoopPair permissive = LoopPair.attach(up, down, LoopPairConfig.withSpacing(3.0).withMaxPlausibleKmh(320));
        List<VehicleMeasurement> got = new ArrayList<>();
        permissive.addListener(got::add);
        vehicle(36, 78);
        assertTrue(got.get(0).plausible());
    }

    @Test
    void downstreamWithoutUpstreamIsCountedNotMeasured() {
        gpio.drive("down", true);
        step(50);
        gpio.drive("down", false);
        step(10);
        assertTrue(measurements.isEmpty());
        assertEquals(1, pair.unpairedCount());
    }
}
