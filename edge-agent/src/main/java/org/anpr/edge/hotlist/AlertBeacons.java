package org.anpr.edge.hotlist;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.device.gpio.Pi4jPins;
import org.anpr.edge.config.AlertOutputSettings;

/** Opens the configured alert beacon on the gantry's GPIO (Pi4J with the providers it finds). */
public final class AlertBeacons {
    private AlertBeacons() {
    }

    /**
     * @throws IllegalStateException when this machine has no GPIO provider Pi4J can use (the
     *                               message says so; a developer machine has none)
     */
    public static AlertBeacon open(AlertOutputSettings settings) {
        Context pi4j = null;
        DigitalOut out;
        try {
            pi4j = Pi4J.newAutoContext();
            out = new Pi4jPins(pi4j).output("alert-beacon", settings.bcmPin(), false);
        } catch (RuntimeException | LinkageError e) { // LinkageError: the native libgpiod is missing
            if (pi4j != null) {
                pi4j.shutdown();
            }
            throw new IllegalStateException("cannot open GPIO BCM " + settings.bcmPin()
                    + " (no usable GPIO provider on this machine?): " + e, e);
        }
        Context context = pi4j;
        DigitalOut owned = new DigitalOut() { // closing the beacon releases the Pi4J context too
            @Override
            public void set(boolean high) {
                out.set(high);
            }

            @Override
            public boolean isHigh() {
                return out.isHigh();
            }

            @Override
            public void close() {
                out.close();
                context.shutdown();
            }
        };
        return new AlertBeacon(owned, settings.pulse(), settings.maxPriority());
    }
}
