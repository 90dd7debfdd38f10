package org.anpr.edge.trigger;

import java.util.function.Consumer;

/** Port: vehicle-presence triggers (loop detectors, radar), implemented later over device-drivers. */
public interface TriggerInput extends AutoCloseable {
    /** One trigger: the lane and when it fired (UTC microseconds). */
    record Trigger(int lane, long atMicros) {
    }

    void start(Consumer<Trigger> triggers);

    @Override
    void close();
}
