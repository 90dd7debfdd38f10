package org.anpr.device.gpio.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.anpr.device.gpio.MockGpio;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PulsedLightTest {

    private final MockGpio gpio = new MockGpio();
    private final ManualClock clock = new ManualClock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        gpio.close();
    }

    @Test
    void pulseSwitchesTheOutputOnAndBackOff() throws Exception {
        PulsedLight flash = new PulsedLight("flash", gpio.output("flash"), clock, scheduler,
                new LightConfig(Duration.ofMillis(200), Duration.ofSeconds(1), 0.5, true));
        assertFalse(gpio.outputHigh("flash"));
        assertTrue(flash.pulse(Duration.ofMillis(150)).fired());
        assertTrue(gpio.outputHigh("flash"), "on during the pulse");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gpio.outputHigh("flash") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(gpio.outputHigh("flash"), "off after the pulse");
    }

    @Test
    void dutyLimitRefusesAndCountsThenAllowsOnceTheWindowHasSlid() {
        // flash defaults: 2 ms max pulse, 2 % of 1 s => 20 ms of light per second = ten 2 ms pulses
        PulsedLight flash = new PulsedLight("flash", gpio.output("flash"), clock, scheduler,
                LightConfig.flashDefaults());
        for (int i = 0; i < 10; i++) {
            assertTrue(flash.pulse(Duration.ofMillis(2)).fired(), "pulse " + i);
            clock.advanceMillis(40);
        }
        PulseResult eleventh = flash.pulse(Duration.ofMillis(2));
        assertFalse(eleventh.fired());
        assertTrue(eleventh.reason().contains("duty"), eleventh.reason());
        assertEquals(10, flash.firedCount());
        assertEquals(1, flash.refusedCount());
        // the first pulse (0..2 ms) leaves the window at 1000 ms; now is 400 ms
        assertEquals(Duration.ofMillis(600), eleventh.retryAfter());

        clock.advance(eleventh.retryAfter());
        assertTrue(flash.pulse(Duration.ofMillis(2)).fired());
        assertEquals(11, flash.firedCount());
    }

    @Test
    void overlongPulseIsRefused() {
        PulsedLight ir = new PulsedLight("ir", gpio.output("ir"), clock, scheduler, LightConfig.illuminatorDefaults());
        PulseResult r = ir.pulse(Duration.ofMillis(21));
        assertFalse(r.fired());
        assertTrue(r.reason().contains("maxPulse"));
        assertFalse(gpio.outputHigh("ir"));
        assertEquals(1, ir.refusedCount());
    }

    @Test
    void configRejectsAPulseLongerThanTheDutyBudget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LightConfig(Duration.ofMillis(50), Duration.ofSeconds(1), 0.02, true));
        assertTrue(e.getMessage().startsWith("maxPulse"), e.getMessage());
    }
}
