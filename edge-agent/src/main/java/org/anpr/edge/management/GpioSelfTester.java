package org.anpr.edge.management;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.gpio.selftest.LoopbackCheck;
import org.anpr.edge.config.ManagementSettings;

/**
 * Answers the technician's {@code /test/gpio}: drives each wired loopback and checks its input
 * follows ({@code device-drivers}' {@link LoopbackCheck}). The loopbacks are {@code management.loopbacks}
 * in gantry.yaml; the pins come from the gantry's GPIO provider (Pi4J's gpiod on a controller, its
 * mock provider in tests).
 */
@FunctionalInterface
public interface GpioSelfTester {
    GpioSelfTest run();

    /** A gantry with no loopback wiring: the check fails, saying so, rather than passing untested. */
    GpioSelfTester NOT_WIRED = () -> new GpioSelfTest(false, List.of(new GpioSelfTest.PinCheck("loopback", false,
            "no loopback wiring configured on this gantry")));

    /**
     * The gantry's configured loopbacks, on its own GPIO: {@link #NOT_WIRED} without any, else
     * {@link #onDemand} with {@link GpioPins#pi4j()}.
     */
    static GpioSelfTester forGantry(ManagementSettings settings) {
        return settings == null || settings.loopbacks().isEmpty() ? NOT_WIRED
                : onDemand(GpioPins::pi4j, new LoopbackCheck(), settings.loopbacks());
    }

    /**
     * Each run opens the pins from {@code pins}, checks every loopback in order and releases
     * them. Pins that cannot be opened (no GPIO here, a pin held by another driver) fail the run
     * with the reason.
     */
    static GpioSelfTester onDemand(Supplier<GpioPins> pins, LoopbackCheck check, List<ManagementSettings.Loopback> loopbacks) {
        List<ManagementSettings.Loopback> all = List.copyOf(loopbacks);
        if (all.isEmpty()) {
            return NOT_WIRED;
        }
        return () -> {
            try (GpioPins open = pins.get()) {
                List<LoopbackCheck.Wiring> wirings = new ArrayList<>();
                for (ManagementSettings.Loopback l : all) {
                    wirings.add(new LoopbackCheck.Wiring(l.name(), open.output("selftest-drive-" + l.drive(), l.drive()),
                            open.input("selftest-sense-" + l.sense(), l.sense()), l.inverted()));
                }
                return loopbacks(check, wirings).run();
            } catch (RuntimeException | LinkageError e) {
                return new GpioSelfTest(false, all.stream().map(l -> new GpioSelfTest.PinCheck(l.name(), false,
                        "cannot open BCM " + l.drive() + "/" + l.sense() + ": " + e.getMessage())).toList());
            }
        };
    }

    /** Runs {@code check} over every wiring, in order; passes when each one does. */
    static GpioSelfTester loopbacks(LoopbackCheck check, List<LoopbackCheck.Wiring> wirings) {
        List<LoopbackCheck.Wiring> all = List.copyOf(wirings);
        if (all.isEmpty()) {
            return NOT_WIRED;
        }
        return () -> {
            List<GpioSelfTest.PinCheck> results = new ArrayList<>();
            for (LoopbackCheck.Wiring w : all) {
                try {
                    LoopbackCheck.Result r = check.run(w);
                    results.add(new GpioSelfTest.PinCheck(r.name(), r.passed(), r.detail()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(new GpioSelfTest.PinCheck(w.name(), false, "interrupted"));
                    break;
                }
            }
            return new GpioSelfTest(results.stream().allMatch(GpioSelfTest.PinCheck::passed) && results.size() == all.size(),
                    results);
        };
    }
}
