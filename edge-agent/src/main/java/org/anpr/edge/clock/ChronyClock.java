package org.anpr.edge.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.protocol.v1.ClockSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gantry clock's state from chrony, polled with {@code chronyc -c tracking}. Section-speed
 * violations are only issued on reads whose clocks were synchronised within the configured bound,
 * so this is what makes a standalone gantry able to enforce at all.
 *
 * <p>States: {@code SYNCHRONISED} / {@code UNSYNCHRONISED} as chrony reports; {@code HOLDOVER} when
 * the last good answer is older than three poll periods (chronyd stopped answering: the clock
 * still runs on its last correction, its error grows); {@code UNKNOWN} before any answer, e.g.
 * where chrony is not installed (said once in the log).
 */
public final class ChronyClock implements HealthProbe, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChronyClock.class);
    public static final List<String> COMMAND = List.of("chronyc", "-c", "tracking");

    private final List<String> command;
    private final Duration period;
    private final ScheduledExecutorService poller;
    private volatile ChronyTracking last;
    private volatile long lastAtNanos;
    private volatile String problem;

    /** Polls {@code command} every {@code period}, the first time at once. */
    public ChronyClock(List<String> command, Duration period) {
        this.command = List.copyOf(command);
        this.period = period;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chrony-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the command once now; returns the problem, or null when the answer was good. */
    String poll() {
        String why;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                why = String.join(" ", command) + ": no answer within 5 s";
            } else {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.exitValue() != 0) {
                    why = String.join(" ", command) + ": exit " + p.exitValue() + ": " + out;
                } else {
                    last = ChronyTracking.parse(out.lines().reduce((a, b) -> b).orElse(""));
                    lastAtNanos = System.nanoTime();
                    why = null;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (why != null && !why.equals(problem)) {
            LOG.warn("clock state unknown: {}", why); // once per distinct problem, not every poll
        }
        problem = why;
        return why;
    }

    /** The last problem polling chrony, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public ClockSync clockSync() {
        ChronyTracking t = last;
        if (t == null) {
            return ClockSync.CLOCK_SYNC_UNKNOWN;
        }
        if (System.nanoTime() - lastAtNanos > 3 * period.toNanos()) {
            return ClockSync.CLOCK_SYNC_HOLDOVER;
        }
        return t.sync();
    }

    @Override
    public long clockOffsetMicros() {
        ChronyTracking t = last;
        return t == null ? 0 : t.offsetMicros();
    }

    @Override
    public long clockErrorMicros() {
        ChronyTracking t = last;
        return t == null ? 0 : t.errorMicros();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
