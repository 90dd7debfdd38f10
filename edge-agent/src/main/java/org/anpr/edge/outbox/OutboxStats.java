package org.anpr.edge.outbox;

/**
 * What the outbox holds and what it has shed since it was created (counters survive restarts).
 *
 * @param items          messages waiting for a broker acknowledgement
 * @param bytes          their payload bytes
 * @param overviewsShed  overview images dropped to stay under the disk bound
 * @param cropsShed      plate crops dropped to stay under the disk bound
 */
public record OutboxStats(long items, long bytes, long overviewsShed, long cropsShed) {
}
