package org.anpr.edge.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the agent, reported in the status heartbeat. Thread-safe. */
public final class AgentMetrics {
    public final AtomicLong readsIn = new AtomicLong();
    public final AtomicLong alerts = new AtomicLong();
    public final AtomicLong passages = new AtomicLong();
    public final AtomicLong violations = new AtomicLong();
    public final AtomicLong deltasRejected = new AtomicLong();
    public final AtomicLong configsRejected = new AtomicLong();
    public final AtomicLong sectionExpired = new AtomicLong();
    /** Reads that could not be stored (a full disk, a failing volume): lost, since nothing acknowledged them. */
    public final AtomicLong readsLost = new AtomicLong();
    /** Alerts raised (beacon and listeners told) that could not be stored. */
    public final AtomicLong alertsNotStored = new AtomicLong();
    /** Hotlist matches read less sure than {@code hotlist.alertMinConfidence}: no alert raised. */
    public final AtomicLong alertsBelowConfidence = new AtomicLong();
    private final long startedNanos = System.nanoTime();

    public long uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
