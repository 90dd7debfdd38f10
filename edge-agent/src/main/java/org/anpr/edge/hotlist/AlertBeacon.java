package org.anpr.edge.hotlist;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.protocol.v1.HotlistAlert;

/**
 * Pulses a GPIO output (a beacon or a relay to the interception team's signal) when the gantry
 * raises a hotlist alert, so a hit is visible at the roadside even with no link to the centre.
 * Alerts of a lower priority than {@code maxPriority} (1 highest .. 9) are ignored; an alert while
 * the output is still on extends the pulse. The output is driven off again on {@link #close}.
 * Called after the alert is durable in the outbox: the beacon never signals an alert that could
 * be lost.
 */
public final class AlertBeacon implements Consumer<HotlistAlert>, AutoCloseable {
    private final DigitalOut out;
    private final Duration pulse;
    private final int maxPriority;
    private final ScheduledExecutorService timer;
    private final AtomicLong pulses = new AtomicLong();
    private ScheduledFuture<?> off;
    private long generation; // a switch-off already running when a new alert came must not cut it short

    /**
     * @param pulse       how long the output stays on after the latest alert
     * @param maxPriority the lowest priority that lights it: 1 only the most urgent, 9 every alert
     */
    public AlertBeacon(DigitalOut out, Duration pulse, int maxPriority) {
        this.out = Objects.requireNonNull(out, "out");
        if (pulse.isNegative() || pulse.isZero()) {
            throw new IllegalArgumentException("pulse: must be positive, was " + pulse);
        }
        if (maxPriority < 1 || maxPriority > 9) {
            throw new IllegalArgumentException("maxPriority: must be within 1..9, was " + maxPriority);
        }
        this.pulse = pulse;
        this.maxPriority = maxPriority;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-beacon");
            t.setDaemon(true);
            return t;
        });
        out.set(false);
    }

    @Override
    public synchronized void accept(HotlistAlert alert) {
        int priority = alert.getEntry().getPriority();
        if (priority == 0 || priority > maxPriority) { // 0 = unset: treat as the lowest
            return;
        }
        if (off != null) {
            off.cancel(false);
        }
        out.set(true);
        pulses.incrementAndGet();
        long g = ++generation;
        off = timer.schedule(() -> switchOff(g), pulse.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void switchOff(long g) {
        if (g == generation) {
            out.set(false);
            off = null;
        }
    }

    /** Alerts that lit the output since start. */
    public long pulses() {
        return pulses.get();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        out.set(false);
        out.close();
    }
}
