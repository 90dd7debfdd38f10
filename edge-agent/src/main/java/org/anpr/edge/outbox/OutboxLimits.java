package org.anpr.edge.outbox;

/**
 * Disk bounds of the outbox.
 *
 * @param maxBytes     payload bytes the outbox may hold before it sheds images (default 1 GiB). Over
 *                     it, overview images of ordinary reads go first (oldest first), then their plate
 *                     crops; alerts, violations and passages are never shed, so the bound is soft
 *                     when only those remain.
 * @param minFreeBytes free space to keep on the outbox's volume (default 64 MiB): below it images are
 *                     shed the same way, whatever else filled the volume (logs, other files), so that
 *                     reads and alerts keep being stored; the space freed inside the outbox file is
 *                     reused by what is appended next
 */
public record OutboxLimits(long maxBytes, long minFreeBytes) {
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;
    public static final OutboxLimits DEFAULTS = new OutboxLimits(1L << 30, DEFAULT_MIN_FREE_BYTES);

    public OutboxLimits {
        if (maxBytes < 1 << 20) {
            throw new IllegalArgumentException("outbox.maxBytes must be at least 1 MiB, was " + maxBytes);
        }
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("outbox.minFreeBytes must not be negative, was " + minFreeBytes);
        }
    }

    /** With the default free-space reserve. */
    public OutboxLimits(long maxBytes) {
        this(maxBytes, DEFAULT_MIN_FREE_BYTES);
    }
}
