package org.anpr.device.gpio.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of one inductive-loop input.
 *
 * @param activeHigh  the detector card drives the pin high while a vehicle is present (default true)
 * @param debounce    a level must hold this long to count (default 3 ms); does not shift timestamps
 * @param maxOccupied occupied longer than this is a stuck-occupied fault (default 10 min; a queue
 *                    standing on the loop will trip it too, which is intended to be visible)
 * @param maxVacant   no vehicle for longer than this is a stuck-vacant fault (default 6 h)
 */
public record LoopConfig(boolean activeHigh, Duration debounce, Duration maxOccupied, Duration maxVacant) {

    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(3);
    public static final Duration DEFAULT_MAX_OCCUPIED = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_VACANT = Duration.ofHours(6);

    public LoopConfig {
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(maxOccupied, "maxOccupied");
        Objects.requireNonNull(maxVacant, "maxVacant");
        if (debounce.isNegative() || debounce.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("debounce must be between 0 and 1 s, was " + debounce);
        }
        if (maxOccupied.compareTo(debounce) <= 0) {
            throw new IllegalArgumentException("maxOccupied must be longer than debounce, was " + maxOccupied);
        }
        if (maxVacant.compareTo(debounce) <= 0) {
            throw new IllegalArgumentException("maxVacant must be longer than debounce, was " + maxVacant);
        }
    }

    public static LoopConfig defaults() {
        return new LoopConfig(true, DEFAULT_DEBOUNCE, DEFAULT_MAX_OCCUPIED, DEFAULT_MAX_VACANT);
    }

    public LoopConfig withDebounce(Duration d) {
        return new LoopConfig(activeHigh, d, maxOccupied, maxVacant);
    }

    public LoopConfig withFaultTimes(Duration occupied, Duration vacant) {
        return new LoopConfig(activeHigh, debounce, occupied, vacant);
    }
}
