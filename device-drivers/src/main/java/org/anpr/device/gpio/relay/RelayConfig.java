package org.anpr.device.gpio.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * A roadside signal driven through a relay.
 *
 * @param activeHigh        a high level energises the relay (default true)
 * @param minSwitchInterval requests to change state faster than this are refused, protecting the
 *                          relay contacts and the sign from chatter (default 500 ms)
 */
public record RelayConfig(boolean activeHigh, Duration minSwitchInterval) {

    public RelayConfig {
        Objects.requireNonNull(minSwitchInterval, "minSwitchInterval");
        if (minSwitchInterval.isNegative()) {
            throw new IllegalArgumentException("minSwitchInterval must be >= 0, was " + minSwitchInterval);
        }
    }

    public static RelayConfig defaults() {
        return new RelayConfig(true, Duration.ofMillis(500));
    }
}
