package org.anpr.central.config;

import java.nio.file.Path;

/**
 * The embedded SQLite store.
 *
 * @param directory      where {@code central.db} and the daily {@code reads-YYYY-MM-DD.db} files
 *                       live (default {@code ./data})
 * @param maxBatch       most queued publishes committed in one transaction (default 1,000)
 * @param highWaterMark  queued publishes at which every socket stops being read (default 5,000)
 * @param lowWaterMark   queued publishes at which reading resumes (default 1,000)
 */
public record StoreConfig(Path directory, int maxBatch, int highWaterMark, int lowWaterMark) {
    public static final StoreConfig DEFAULTS = new StoreConfig(Path.of("data"), 1_000, 5_000, 1_000);

    public StoreConfig withDirectory(Path dir) {
        return new StoreConfig(dir, maxBatch, highWaterMark, lowWaterMark);
    }

    public StoreConfig withWaterMarks(int high, int low) {
        return new StoreConfig(directory, maxBatch, high, low);
    }
}
