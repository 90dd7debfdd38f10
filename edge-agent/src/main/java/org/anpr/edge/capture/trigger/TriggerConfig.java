package org.anpr.edge.capture.trigger;

import java.time.Duration;
import java.util.Objects;

/**
 * How a presence window around a loop-detector trigger is drawn.
 *
 * @param preRoll   frames captured this long before presence started count as triggered (the
 *                  vehicle is already in view when it reaches the loop); default 300 ms
 * @param postRoll  and this long after presence ended; default 500 ms
 * @param maxWindow a window still open after this long closes anyway (stuck loop); default 10 s
 */
public record TriggerConfig(Duration preRoll, Duration postRoll, Duration maxWindow) {

    public TriggerConfig {
        nonNegative(preRoll, "preRoll");
        nonNegative(postRoll, "postRoll");
        nonNegative(maxWindow, "maxWindow");
        if (maxWindow.isZero()) {
            throw new IllegalArgumentException("maxWindow: must be positive");
        }
    }

    public static TriggerConfig defaults() {
        return new TriggerConfig(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    private static void nonNegative(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, got " + d);
        }
    }
}
