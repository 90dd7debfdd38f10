package org.anpr.edge.outbox;

/**
 * Disk bound of the outbox.
 *
 * @param maxBytes payload bytes the outbox may hold before it sheds images (default 1 GiB). Over
 *                 it, overview images of ordinary reads go first (oldest first), then their plate
 *                 crops; alerts, violations and passages are never shed, so the bound is soft
 *                 when only those remain.
 */
public record OutboxLimits(long maxBytes) {
    public static final OutboxLimits DEFAULTS = new OutboxLimits(1L << 30);

    public OutboxLimits {
        if (maxBytes < 1 << 20) {
            throw new IllegalArgumentException("outbox.maxBytes must be at least 1 MiB, was " + maxBytes);
        }
    }
}
