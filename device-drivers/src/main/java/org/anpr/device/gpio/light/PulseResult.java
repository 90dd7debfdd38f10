package org.anpr.device.gpio.light;

import java.time.Duration;

/**
 * Outcome of a pulse request.
 *
 * @param fired      whether the output was switched on
 * @param reason     why not, when refused
 * @param retryAfter when refused for duty: earliest moment a pulse of the same width would fit
 */
public record PulseResult(boolean fired, String reason, Duration retryAfter) {

    static PulseResult ok() {
        return new PulseResult(true, null, Duration.ZERO);
    }

    static PulseResult refused(String reason, Duration retryAfter) {
        return new PulseResult(false, reason, retryAfter);
    }
}
