package org.anpr.edge;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.metrics.AgentMetrics;
import org.anpr.edge.outbox.OutboxStats;

/**
 * The agent's one-line status for the person running it: frames a second since the last line,
 * reads, alerts, violations, the backlog waiting for the centre, the link. Printed every period
 * and on demand (when a recorded source finishes).
 */
final class AgentStatus implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AgentRuntime runtime;
    private final PrintStream out;
    private ScheduledExecutorService timer;
    private long framesBefore;
    private long nanosBefore = System.nanoTime();

    AgentStatus(AgentRuntime runtime, PrintStream out) {
        this.runtime = runtime;
        this.out = out;
    }

    void every(Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> out.println(TIME.format(Instant.now()) + " anpr agent: " + line()), period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the agent has done so far, in one line. */
    synchronized String line() {
        long frames = runtime.framesIn();
        long now = System.nanoTime();
        double fps = (frames - framesBefore) / Math.max(1e-3, (now - nanosBefore) / 1e9);
        framesBefore = frames;
        nanosBefore = now;
        AgentMetrics m = runtime.agent().metrics();
        OutboxStats o = runtime.agent().outbox().stats();
        return String.format("%.1f frames/s, %d frames, %d reads, %d alerts, %d violations, backlog %d message(s) (%.1f MB), link %s%s",
                fps, frames, m.readsIn.get(), m.alerts.get(), m.violations.get(), o.items(), o.bytes() / 1e6,
                runtime.agent().reporter().isConnected() ? "up" : "down", runtime.agent().storageFailing() ? ", disk:FULL" : "");
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
