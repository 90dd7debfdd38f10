package org.anpr.edge.management;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.PullResistance;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.device.gpio.Pi4jPins;

/**
 * The pins of one GPIO self-test run, opened when the technician asks and released after, so the
 * test holds no pin while the gantry works. {@link #pi4j()} opens them on the machine's own GPIO.
 */
public interface GpioPins extends AutoCloseable {
    DigitalOut output(String id, int bcm);

    DigitalIn input(String id, int bcm);

    @Override
    void close();

    /**
     * On a Pi4J context with the providers this machine has (gpiod on a controller).
     *
     * @throws IllegalStateException there is no usable GPIO provider here (the message says so)
     */
    static GpioPins pi4j() {
        Context context;
        try {
            context = Pi4J.newAutoContext();
        } catch (RuntimeException | LinkageError e) { // LinkageError: the native libgpiod is missing
            throw new IllegalStateException("no usable GPIO provider on this machine: " + e, e);
        }
        return on(context, true);
    }

    /** On a given context ({@code owned}: shut it down on close). */
    static GpioPins on(Context context, boolean owned) {
        Pi4jPins pins = new Pi4jPins(context);
        java.util.List<AutoCloseable> opened = new java.util.ArrayList<>();
        return new GpioPins() {
            @Override
            public DigitalOut output(String id, int bcm) {
                DigitalOut out = pins.output(id, bcm, false);
                opened.add(out);
                return out;
            }

            @Override
            public DigitalIn input(String id, int bcm) {
                DigitalIn in = pins.input(id, bcm, PullResistance.PULL_DOWN);
                opened.add(in);
                return in;
            }

            @Override
            public void close() {
                for (AutoCloseable c : opened) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // releasing a pin that is already gone: nothing left to do
                    }
                }
                if (owned) {
                    context.shutdown();
                }
            }
        };
    }
}
