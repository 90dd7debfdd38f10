package org.anpr.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/** A Pi4J context on the mock provider, with handles to drive and observe the simulated pins. */
public final class MockGpio implements AutoCloseable {

    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    private final Pi4jPins pins = new Pi4jPins(pi4j);
    private int nextAddress = 2;

    public DigitalIn input(String id) {
        return pins.input(id, nextAddress++, PullResistance.PULL_DOWN);
    }

    public DigitalOut output(String id) {
        return pins.output(id, nextAddress++, false);
    }

    /** An output whose level is wired (outside the board) to the given input, as on a loopback plug. */
    public DigitalOut wiredTo(String outId, String inId) {
        DigitalOut out = output(outId);
        return new DigitalOut() {
            @Override
            public void set(boolean high) {
                out.set(high);
                drive(inId, high);
            }

            @Override
            public boolean isHigh() {
                return out.isHigh();
            }
        };
    }

    /** Simulates the outside world changing an input's level. */
    public void drive(String id, boolean high) {
        pi4j.io(id, MockDigitalInput.class).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** The level the driver put on an output pin, as the mock provider sees it. */
    public boolean outputHigh(String id) {
        return pi4j.io(id, MockDigitalOutput.class).isHigh();
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
