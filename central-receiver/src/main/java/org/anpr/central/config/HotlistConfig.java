package org.anpr.central.config;

/**
 * The central hotlist.
 *
 * @param deltaHistoryVersions versions of change history kept; a gantry further behind gets a full
 *                             snapshot instead of a delta (default 1,000)
 * @param maxEntriesPerChunk   snapshot entries per MQTT message (default 10,000)
 */
public record HotlistConfig(int deltaHistoryVersions, int maxEntriesPerChunk) {
    public static final HotlistConfig DEFAULTS = new HotlistConfig(1_000, 10_000);
}
