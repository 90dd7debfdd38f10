package org.anpr.provision.profile;

/**
 * What the gantry keeps on its disk ({@code outbox.maxBytes}, {@code retention.passageTtlHours}).
 *
 * @param outboxMaxBytes  payload bytes the outbox may hold while the link is down; default 1 GiB (at
 *                        least 1 MiB); above it images of the oldest ordinary reads are shed first
 * @param passageTtlHours how long an unmatched section passage is kept; default 24, at most 72 (personal data)
 */
public record StorageLimits(long outboxMaxBytes, int passageTtlHours) {
    public static final long DEFAULT_OUTBOX_MAX_BYTES = 1L << 30;
    public static final int DEFAULT_PASSAGE_TTL_HOURS = 24;
    public static final int MAX_PASSAGE_TTL_HOURS = 72;
    public static final StorageLimits DEFAULTS = new StorageLimits(DEFAULT_OUTBOX_MAX_BYTES, DEFAULT_PASSAGE_TTL_HOURS);
}
