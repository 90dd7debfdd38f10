package org.anpr.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opens {@link DigitalIn}/{@link DigitalOut} pins on a Pi4J context (gpiod on a gantry, the mock
 * provider in tests). Pi4J's own debounce is set to 0: debouncing is done by the drivers against
 * the injected clock, so it is testable and its timestamps are exact.
 */
public final class Pi4jPins {

    private final Context pi4j;

    public Pi4jPins(Context pi4j) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j");
    }

    public DigitalIn input(String id, int bcmAddress, PullResistance pull) {
        DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(id).address(bcmAddress).pull(pull).debounce(0L).build());
        return new In(pi4j, in);
    }

    public DigitalOut output(String id, int bcmAddress, boolean initialHigh) {
        DigitalState initial = initialHigh ? DigitalState.HIGH : DigitalState.LOW;
        DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(id).address(bcmAddress).initial(initial).shutdown(DigitalState.LOW).build());
        return new Out(pi4j, out);
    }

    private record In(Context ctx, DigitalInput pin) implements DigitalIn {
        @Override
        public boolean isHigh() {
            return pin.isHigh();
        }

        @Override
        public void onChange(Consumer<Boolean> listener) {
            pin.addListener(e -> listener.accept(e.state().isHigh()));
        }

        @Override
        public void close() {
            if (!ctx.isShutdown()) {
                ctx.shutdown(pin.id());
            }
        }
    }

    private record Out(Context ctx, DigitalOutput pin) implements DigitalOut {
        @Override
        public void set(boolean high) {
            pin.state(high ? DigitalState.HIGH : DigitalState.LOW);
        }

        @Override
        public boolean isHigh() {
            return pin.isHigh();
        }

        @Override
        public void close() {
            if (!ctx.isShutdown()) {
                ctx.shutdown(pin.id());
            }
        }
    }
}
