package org.anpr.device.gpio.relay;

import java.util.Objects;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.device.time.DeviceClock;

/** A relay output for a roadside signal; starts and closes de-energised (fail-safe off). */
public final class SignalRelay implements AutoCloseable {

    private final DigitalOut out;
    private final DeviceClock clock;
    private final RelayConfig config;
    private boolean on;
    private long lastSwitchNanos;
    private long refused;

    public SignalRelay(DigitalOut out, DeviceClock clock, RelayConfig config) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        out.set(!config.activeHigh());
        lastSwitchNanos = clock.monotonicNanos() - config.minSwitchInterval().toNanos();
    }

    /**
     * Switches the signal. Returns false (and counts) when this would switch sooner than
     * {@code minSwitchInterval} after the previous change; asking for the current state is a no-op.
     */
    public synchronized boolean set(boolean wantOn) {
        if (wantOn == on) {
            return true;
        }
        long now = clock.monotonicNanos();
        if (now - lastSwitchNanos < config.minSwitchInterval().toNanos()) {
            refused++;
            return false;
        }
        out.set(wantOn == config.activeHigh());
        on = wantOn;
        lastSwitchNanos = now;
        return true;
    }

    public synchronized boolean isOn() {
        return on;
    }

    public synchronized long refusedCount() {
        return refused;
    }

    @Override
    public synchronized void close() {
        out.set(!config.activeHigh());
        on = false;
        out.close();
    }
}
