package org.anpr.device.cabinet;

import java.time.Duration;
import java.util.Objects;

/**
 * Cabinet supervision.
 *
 * @param doorOpenHigh the door contact reads high when the door is open (default true: contact to
 *                     ground when closed, pull-up)
 * @param doorDebounce the door level must hold this long (default 50 ms)
 * @param highC        at or above this the cabinet is too hot (default 60 °C)
 * @param lowC         at or below this it is too cold (default -25 °C)
 * @param hysteresisC  a high/low alarm clears only this far back inside the range (default 2 °C)
 */
public record CabinetConfig(boolean doorOpenHigh, Duration doorDebounce, double highC, double lowC,
                            double hysteresisC) {

    public CabinetConfig {
        Objects.requireNonNull(doorDebounce, "doorDebounce");
        if (doorDebounce.isNegative()) {
            throw new IllegalArgumentException("doorDebounce must be >= 0, was " + doorDebounce);
        }
        if (!(lowC < highC)) {
            throw new IllegalArgumentException("lowC must be below highC, was lowC=" + lowC + " highC=" + highC);
        }
        if (!(hysteresisC >= 0 && hysteresisC < (highC - lowC) / 2)) {
            throw new IllegalArgumentException("hysteresisC must be in [0, (highC-lowC)/2), was " + hysteresisC);
        }
    }

    public static CabinetConfig defaults() {
        return new CabinetConfig(true, Duration.ofMillis(50), 60.0, -25.0, 2.0);
    }
}
