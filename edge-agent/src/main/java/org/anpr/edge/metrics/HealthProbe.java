package org.anpr.edge.metrics;

import java.util.OptionalDouble;
import org.anpr.protocol.v1.ClockSync;

/**
 * Port for what the cabinet hardware and the time daemon know: {@code clock.ChronyClock} for the
 * clock, {@code pipeline.CameraRig} for the frame counters; {@link #UNKNOWN} where nothing is known.
 */
public interface HealthProbe {
    HealthProbe UNKNOWN = new HealthProbe() {
    };

    default OptionalDouble temperatureC() {
        return OptionalDouble.empty();
    }

    /** Whether the roadside cabinet's door is open; empty without a door contact. */
    default java.util.Optional<Boolean> cabinetDoorOpen() {
        return java.util.Optional.empty();
    }

    default ClockSync clockSync() {
        return ClockSync.CLOCK_SYNC_UNKNOWN;
    }

    /** Offset of the local clock from its reference, microseconds. */
    default long clockOffsetMicros() {
        return 0;
    }

    /** Bound on the local clock's error from true time, microseconds (one side). */
    default long clockErrorMicros() {
        return Math.abs(clockOffsetMicros());
    }

    /** Frames per second of the capture pipeline. */
    default float framesPerSecond() {
        return 0f;
    }

    /** Frames captured since start. */
    default long framesIn() {
        return 0;
    }

    /** Frames dropped (queue full) since start; reads are never dropped. */
    default long framesDropped() {
        return 0;
    }

    /**
     * A host whose clock is synchronised, {@code offsetMicros} off its reference with an error
     * bound of {@code errorMicros}, and nothing else known (tests, the demo's shared clock).
     */
    static HealthProbe synchronisedClock(long offsetMicros, long errorMicros) {
        return new HealthProbe() {
            @Override
            public ClockSync clockSync() {
                return ClockSync.CLOCK_SYNC_SYNCHRONISED;
            }

            @Override
            public long clockOffsetMicros() {
                return offsetMicros;
            }

            @Override
            public long clockErrorMicros() {
                return errorMicros;
            }
        };
    }
}
