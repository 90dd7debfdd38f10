package org.anpr.device.coap.api;

import java.util.List;

/** Result of the GPIO loopback / pin check run from {@code /test/gpio}. */
public record GpioSelfTest(boolean passed, List<PinCheck> checks) {

    public GpioSelfTest {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public record PinCheck(String pin, boolean passed, String detail) {
    }
}
