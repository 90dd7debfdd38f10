package org.anpr.device.gpio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.device.gpio.MockGpio;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopDetectorTest {

    private final MockGpio gpio = new MockGpio();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<LoopEvent> events = new ArrayList<>();

    @AfterEach
    void close() {
        gpio.close();
    }

    private LoopDetector detector(String id, LoopConfig config) {
        LoopDetector d = new LoopDetector(id, gpio.input(id), clock, config);
        d.addListener(events::add);
        return d;
    }

    @Test
    void debounceSuppressesGlitchesAndKeepsTheEdgeTimestamp() {
        LoopDetector loop = detector("A", LoopConfig.defaults().withDebounce(Duration.ofMillis(5)));

        // 2 ms spike: reverts within the debounce time, no event
        gpio.drive("A", true);
        clock.advanceMillis(2);
        gpio.drive("A", false);
        clock.advanceMillis(10);
        loop.tick();
        assertTrue(events.isEmpty());
        assertEquals(1, loop.glitches());
        assertFalse(loop.occupied());

        // a real vehicle: high at t=12 ms, confirmed by the tick 6 ms later, stamped at the edge
        gpio.drive("A", true);
        long edge = clock.monotonicNanos();
        clock.advanceMillis(3);
        loop.tick();
        assertTrue(events.isEmpty(), "not yet held for the debounce time");
        clock.advanceMillis(3);
        loop.tick();
        assertEquals(1, events.size());
        LoopEvent start = events.get(0);
        assertEquals(LoopEvent.Kind.PRESENCE_START, start.kind());
        assertEquals(edge, start.monotonicNanos());
        assertEquals(Instant.parse("2026-03-01T10:00:00.012Z"), start.utc());
        assertTrue(loop.occupied());

        clock.advanceMillis(200);
        gpio.drive("A", false);
        clock.advanceMillis(6);
        loop.tick();
        assertEquals(LoopEvent.Kind.PRESENCE_END, events.get(1).kind());
    }

    @Test
    void stuckOccupiedRaisesOneFaultThatClearsOnTheNextChange() {
        LoopDetector loop = detector("A", LoopConfig.defaults()
                .withFaultTimes(Duration.ofSeconds(30), Duration.ofHours(1)));
        gpio.drive("A", true);
        clock.advanceMillis(10);
        loop.tick();
        clock.advance(Duration.ofSeconds(29));
        loop.tick();
        assertEquals(Optional.empty(), loop.fault());

        clock.advance(Duration.ofSeconds(2));
        loop.tick();
        loop.tick();
        assertEquals(Optional.of(LoopEvent.Kind.FAULT_STUCK_OCCUPIED), loop.fault());
        assertEquals(1, events.stream().filter(e -> e.kind() == LoopEvent.Kind.FAULT_STUCK_OCCUPIED).count());

        gpio.drive("A", false);
        clock.advanceMillis(10);
        loop.tick();
        assertEquals(Optional.empty(), loop.fault());
        assertEquals(List.of(LoopEvent.Kind.PRESENCE_START, LoopEvent.Kind.FAULT_STUCK_OCCUPIED,
                LoopEvent.Kind.FAULT_CLEARED, LoopEvent.Kind.PRESENCE_END),
                events.stream().map(LoopEvent::kind).toList());
    }

    @Test
    void stuckVacantIsAFaultToo() {
        LoopDetector loop = detector("A", LoopConfig.defaults()
                .withFaultTimes(Duration.ofMinutes(5), Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(31));
        loop.tick();
        assertEquals(Optional.of(LoopEvent.Kind.FAULT_STUCK_VACANT), loop.fault());
    }

    @Test
    void activeLowLoopCardIsInverted() {
        LoopDetector loop = detector("A", new LoopConfig(false, Duration.ZERO,
                LoopConfig.DEFAULT_MAX_OCCUPIED, LoopConfig.DEFAULT_MAX_VACANT));
        // pin idles low => occupied under active-low; drive high => vacant
        assertTrue(loop.occupied());
        gpio.drive("A", true);
        assertFalse(loop.occupied());
        assertEquals(LoopEvent.Kind.PRESENCE_END, events.get(0).kind());
    }

    @Test
    void configErrorsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopConfig.defaults().withDebounce(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().startsWith("debounce"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopPairConfig.withSpacing(0));
        assertTrue(e.getMessage().startsWith("spacingMeters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopPairConfig.withSpacing(3).withMaxPlausibleKmh(-5));
        assertTrue(e.getMessage().startsWith("maxPlausibleKmh"), e.getMessage());
    }
}
