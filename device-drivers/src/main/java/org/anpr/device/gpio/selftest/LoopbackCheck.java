package org.anpr.device.gpio.selftest;

import java.time.Duration;
import java.util.Objects;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.gpio.DigitalOut;

/**
 * Commissioning check of a wired loopback: an output (or a relay's feedback contact) that should
 * be seen on an input. Drives high then low and checks the input follows each time; the output is
 * left low. Used by the edge agent to answer {@code /test/gpio}.
 */
public final class LoopbackCheck {

    /** @param inverted the input reads the opposite level of the output (an opto-coupler, say) */
    public record Wiring(String name, DigitalOut drive, DigitalIn sense, boolean inverted) {
        public Wiring {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(drive, "drive");
            Objects.requireNonNull(sense, "sense");
        }
    }

    public record Result(String name, boolean passed, String detail) {
    }

    private final Duration settle;

    /** @param settle how long the input may take to follow (relay bounce, opto delay); default 20 ms */
    public LoopbackCheck(Duration settle) {
        if (settle.isNegative() || settle.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("settle must be 0..2 s, was " + settle);
        }
        this.settle = settle;
    }

    public LoopbackCheck() {
        this(Duration.ofMillis(20));
    }

    public Result run(Wiring w) throws InterruptedException {
        try {
            for (boolean level : new boolean[] {true, false}) {
                w.drive().set(level);
                boolean expected = level != w.inverted();
                if (!follows(w.sense(), expected)) {
                    return new Result(w.name(), false, String.format("drove %s, input stayed %s",
                            level ? "high" : "low", expected ? "low" : "high"));
                }
            }
            return new Result(w.name(), true, "input follows output");
        } finally {
            w.drive().set(false);
        }
    }

    private boolean follows(DigitalIn in, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (in.isHigh() != expected) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
