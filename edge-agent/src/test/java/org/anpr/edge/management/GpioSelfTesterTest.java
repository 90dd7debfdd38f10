package org.anpr.edge.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.gpio.selftest.LoopbackCheck;
import org.anpr.edge.config.ManagementSettings;
import org.anpr.edge.config.ManagementSettings.Loopback;
import org.anpr.edge.testing.LoopbackPlug;
import org.junit.jupiter.api.Test;

/** {@code /test/gpio} on Pi4J's mock provider, with a commissioning plug that wires some outputs back. */
class GpioSelfTesterTest {
    private static final LoopbackCheck FAST = new LoopbackCheck(Duration.ofMillis(20));

    /** The plug's pins for one run, counted; {@code wired}: the drive pins the plug connects. */
    private static GpioPins plug(List<Loopback> loopbacks, Set<Integer> wired, AtomicInteger runs) {
        runs.incrementAndGet();
        return LoopbackPlug.pins(loopbacks, wired::contains);
    }

    @Test
    void everyLoopbackIsDrivenAndSensedOnPinsOpenedForTheRunOnly() {
        List<Loopback> loopbacks = List.of(new Loopback("flash->door", 17, 22, false), new Loopback("relay->loop", 27, 5, true));
        AtomicInteger runs = new AtomicInteger();
        GpioSelfTester all = GpioSelfTester.onDemand(() -> plug(loopbacks, Set.of(17, 27), runs), FAST, loopbacks);
        GpioSelfTest ok = all.run();
        assertTrue(ok.passed(), ok.toString());
        assertEquals(List.of("flash->door", "relay->loop"), ok.checks().stream().map(GpioSelfTest.PinCheck::pin).toList());
        assertTrue(all.run().passed(), "the pins were released after the first run, so a second run can open them again");
        assertEquals(2, runs.get());

        GpioSelfTest broken = GpioSelfTester.onDemand(() -> plug(loopbacks, Set.of(17), runs), FAST, loopbacks).run();
        assertFalse(broken.passed());
        assertTrue(broken.checks().get(0).passed());
        assertEquals(new GpioSelfTest.PinCheck("relay->loop", false, "drove low, input stayed low"), broken.checks().get(1));
    }

    @Test
    void noGpioHereOrNoWiringFailsSayingWhy() {
        List<Loopback> one = List.of(new Loopback("flash->door", 17, 22, false));
        GpioSelfTest none = GpioSelfTester.onDemand(() -> {
            throw new IllegalStateException("no usable GPIO provider on this machine");
        }, FAST, one).run();
        assertFalse(none.passed());
        assertEquals("cannot open BCM 17/22: no usable GPIO provider on this machine", none.checks().get(0).detail());
        GpioSelfTest unwired = GpioSelfTester.forGantry(new ManagementSettings("0.0.0.0", 5684, List.of(), List.of())).run();
        assertFalse(unwired.passed());
        assertEquals("no loopback wiring configured on this gantry", unwired.checks().get(0).detail());
    }
}
