package org.anpr.device.gpio.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.gpio.MockGpio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackCheckTest {

    private final MockGpio gpio = new MockGpio();
    private final LoopbackCheck check = new LoopbackCheck(Duration.ofMillis(5));

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void wiredLoopbackPasses() throws InterruptedException {
        DigitalIn sense = gpio.input("sense");
        LoopbackCheck.Result r = check.run(new LoopbackCheck.Wiring("flash", gpio.wiredTo("flash", "sense"),
                sense, false));
        assertTrue(r.passed(), r.detail());
        assertFalse(gpio.outputHigh("flash"), "left low");
    }

    @Test
    void brokenWireFailsAndSaysHow() throws InterruptedException {
        DigitalIn sense = gpio.input("sense");
        LoopbackCheck.Result r = check.run(new LoopbackCheck.Wiring("flash", gpio.output("flash"), sense, false));
        assertFalse(r.passed());
        assertEquals("drove high, input stayed low", r.detail());
    }

    @Test
    void invertedWiringIsExpectedInverted() throws InterruptedException {
        DigitalIn sense = gpio.input("sense");
        LoopbackCheck.Result r = check.run(new LoopbackCheck.Wiring("relay", gpio.wiredTo("relay", "sense"),
                sense, true));
        assertFalse(r.passed(), "a straight wire is a fault when an inverting stage is expected");
    }
}
