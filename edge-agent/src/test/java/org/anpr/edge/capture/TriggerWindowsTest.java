package org.anpr.edge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.gpio.loop.LoopConfig;
import org.anpr.device.gpio.loop.LoopDetector;
import org.anpr.device.time.ManualClock;
import org.anpr.edge.capture.trigger.TriggerConfig;
import org.anpr.edge.capture.trigger.TriggerWindows;
import org.junit.jupiter.api.Test;

/** Loop-detector presence (device-drivers LoopDetector on a fake pin) draws the trigger windows. */
class TriggerWindowsTest {

    /** A pin the test sets; edges go to the detector like Pi4J's listener would. */
    private static final class FakePin implements DigitalIn {
        private final List<Consumer<Boolean>> listeners = new ArrayList<>();
        private boolean high;

        void set(boolean level) {
            high = level;
            listeners.forEach(l -> l.accept(level));
        }

        @Override
        public boolean isHigh() {
            return high;
        }

        @Override
        public void onChange(Consumer<Boolean> listener) {
            listeners.add(listener);
        }
    }

    private static final long MS = 1_000_000;

    @Test
    void presenceOpensAWindowWithPreAndPostRoll() {
        ManualClock clock = new ManualClock();
        FakePin pin = new FakePin();
        TriggerConfig cfg = new TriggerConfig(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(10));
        TriggerWindows windows = new TriggerWindows(cfg);
        List<Long> opened = new ArrayList<>();
        windows.onOpen((cam, from) -> opened.add(from));
        try (LoopDetector loop = new LoopDetector("L1", pin, clock, LoopConfig.defaults())) {
            windows.bind(loop, "cam-1");
            clock.advanceMillis(1000);
            pin.set(true); // vehicle arrives at t = 1000 ms
            clock.advanceMillis(5);
            loop.tick(); // debounce confirmed: presence started at the edge (1000 ms)
            assertEquals(List.of(800 * MS), opened, "window opens with the pre-roll");
            assertTrue(windows.isTriggered("cam-1", 850 * MS));
            assertFalse(windows.isTriggered("cam-1", 700 * MS));
            assertFalse(windows.isTriggered("cam-2", 1000 * MS), "other cameras are not triggered");
            clock.advanceMillis(500);
            pin.set(false); // leaves at 1505 ms
            clock.advanceMillis(5);
            loop.tick();
            assertTrue(windows.isTriggered("cam-1", 1700 * MS), "post-roll");
            assertFalse(windows.isTriggered("cam-1", 1900 * MS));
        }
    }

    @Test
    void aStuckLoopStopsPrioritisingAfterTheMaxWindow() {
        TriggerWindows windows = new TriggerWindows(new TriggerConfig(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2)));
        windows.open("cam-1", 0);
        assertTrue(windows.isTriggered("cam-1", 1500 * MS));
        assertFalse(windows.isTriggered("cam-1", 2500 * MS));
        assertTrue(windows.isTriggered("cam-1", 1000 * MS), "the capped window stays for frames still in flight");
        assertFalse(windows.isTriggered("cam-1", 3000 * MS));
    }
}
