package org.anpr.device.gpio;

/** One digital output pin, reduced to what the drivers need. Pi4J behind it in production. */
public interface DigitalOut extends AutoCloseable {

    void set(boolean high);

    boolean isHigh();

    @Override
    default void close() {
    }
}
