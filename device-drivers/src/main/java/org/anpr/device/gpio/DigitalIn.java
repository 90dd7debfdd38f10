package org.anpr.device.gpio;

import java.util.function.Consumer;

/** One digital input pin, reduced to what the drivers need. Pi4J behind it in production. */
public interface DigitalIn extends AutoCloseable {

    boolean isHigh();

    /** Registers a listener called with the new raw level on every edge (no debounce). */
    void onChange(Consumer<Boolean> listener);

    @Override
    default void close() {
    }
}
