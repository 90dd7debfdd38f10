package org.anpr.device.gpio.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.anpr.device.gpio.MockGpio;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalRelayTest {

    private final MockGpio gpio = new MockGpio();
    private final ManualClock clock = new ManualClock();

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void switchesThePinAndRefusesChatter() {
        SignalRelay relay = new SignalRelay(gpio.output("sign"), clock, RelayConfig.defaults());
        assertFalse(gpio.outputHigh("sign"));
        assertTrue(relay.set(true));
        assertTrue(gpio.outputHigh("sign"));
        assertTrue(relay.isOn());

        clock.advanceMillis(100);
        assertFalse(relay.set(false), "within minSwitchInterval");
        assertTrue(gpio.outputHigh("sign"));
        assertEquals(1, relay.refusedCount());

        clock.advanceMillis(400);
        assertTrue(relay.set(false));
        assertFalse(gpio.outputHigh("sign"));
    }

    @Test
    void activeLowRelayIsDeEnergisedHighAndClosesSafe() {
        SignalRelay relay = new SignalRelay(gpio.output("sign"), clock, new RelayConfig(false, Duration.ZERO));
        assertTrue(gpio.outputHigh("sign"), "active-low relay idles high");
        relay.set(true);
        assertFalse(gpio.outputHigh("sign"));
        relay.close();
        assertFalse(relay.isOn());
    }
}
