package org.anpr.device.gpio.light;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.device.time.DeviceClock;

/**
 * An output pulsed in sync with frame capture: the IR illuminator and the flash trigger are both
 * this class with different {@link LightConfig}s. A pulse that would push the on-time over the
 * duty limit within the sliding window is refused (and counted) rather than shortened, so the
 * capture side can decide to shoot without light or wait {@link PulseResult#retryAfter()}.
 */
public final class PulsedLight implements AutoCloseable {

    private record Pulse(long startNanos, long widthNanos) {
        long endNanos() {
            return startNanos + widthNanos;
        }
    }

    private final String name;
    private final DigitalOut out;
    private final DeviceClock clock;
    private final ScheduledExecutorService scheduler;
    private final LightConfig config;
    private final Deque<Pulse> history = new ArrayDeque<>();
    private long fired;
    private long refused;

    /** @param scheduler switches the output off at the end of each pulse */
    public PulsedLight(String name, DigitalOut out, DeviceClock clock, ScheduledExecutorService scheduler,
                       LightConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        out.set(!config.activeHigh());
    }

    public String name() {
        return name;
    }

    /** Switches the light on for {@code width} if the lamp limits allow it. */
    public PulseResult pulse(Duration width) {
        long w = width.toNanos();
        long now = clock.monotonicNanos();
        synchronized (this) {
            if (w <= 0 || width.compareTo(config.maxPulse()) > 0) {
                refused++;
                return PulseResult.refused("width " + width + " outside (0, maxPulse " + config.maxPulse() + "]",
                        Duration.ZERO);
            }
            long windowNanos = config.window().toNanos();
            long budget = (long) (config.maxDutyFraction() * windowNanos);
            long windowStart = now + w - windowNanos;
            history.removeIf(p -> p.endNanos() <= windowStart);
            long onTime = 0;
            for (Pulse p : history) {
                onTime += p.endNanos() - Math.max(p.startNanos(), windowStart);
            }
            if (onTime + w > budget) {
                refused++;
                return PulseResult.refused(String.format("duty limit: %.1f%% of %s would be exceeded",
                        config.maxDutyFraction() * 100, config.window()), retryAfter(now, w, budget));
            }
            history.addLast(new Pulse(now, w));
            fired++;
            out.set(config.activeHigh());
        }
        scheduler.schedule(this::off, w, TimeUnit.NANOSECONDS);
        return PulseResult.ok();
    }

    /** Earliest delay after which enough old on-time has slid out of the window (conservative). */
    private Duration retryAfter(long now, long w, long budget) {
        long total = history.stream().mapToLong(Pulse::widthNanos).sum();
        for (Pulse p : history) {
            total -= p.widthNanos();
            if (total + w <= budget) {
                // a pulse starting at t sees the window [t + w - window, t + w]; p has left it then
                return Duration.ofNanos(Math.max(0, p.endNanos() + config.window().toNanos() - w - now));
            }
        }
        return config.window(); // unreachable: LightConfig guarantees maxPulse fits the budget
    }

    private void off() {
        synchronized (this) {
            out.set(!config.activeHigh());
        }
    }

    public synchronized long firedCount() {
        return fired;
    }

    /** Pulses refused for width or duty. */
    public synchronized long refusedCount() {
        return refused;
    }

    @Override
    public void close() {
        off();
        out.close();
    }
}
