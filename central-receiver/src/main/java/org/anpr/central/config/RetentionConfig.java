package org.anpr.central.config;

import java.time.Duration;

/**
 * How long personal data is kept; a scheduled job enforces it.
 *
 * @param reads      plate reads, images included (default 365 days, i.e. 12 months); whole daily
 *                   files are dropped once their last day is older
 * @param alerts     hotlist alerts (default 730 days)
 * @param violations section-speed violations, the evidence of a case (default 1,095 days)
 * @param rejected   quarantined bad payloads (default 30 days)
 * @param interval   how often the job runs (default 1 hour)
 * @param rejectedPerGantryPerDay      quarantined payloads kept of one gantry per UTC day (default 1,000);
 *                                     more are acknowledged, counted and not kept
 * @param rejectedBytesPerGantryPerDay their payload bytes kept of one gantry per UTC day (default 64 MiB)
 */
public record RetentionConfig(Duration reads, Duration alerts, Duration violations, Duration rejected, Duration interval,
                              int rejectedPerGantryPerDay, int rejectedBytesPerGantryPerDay) {
    public static final RetentionConfig DEFAULTS = new RetentionConfig(
            Duration.ofDays(365), Duration.ofDays(730), Duration.ofDays(1_095), Duration.ofDays(30), Duration.ofHours(1),
            1_000, 64 << 20);

    public RetentionConfig withRejectedQuota(int perDay, int bytesPerDay) {
        return new RetentionConfig(reads, alerts, violations, rejected, interval, perDay, bytesPerDay);
    }
}
