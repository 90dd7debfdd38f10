package org.anpr.protocol;

/**
 * Size limits a codec enforces, so one oversized message cannot exhaust a receiver.
 *
 * @param maxMessageBytes    largest encoded envelope accepted (default 4 MiB)
 * @param maxPlateCropBytes  largest plate crop image (default 256 KiB)
 * @param maxOverviewBytes   largest overview image (default 2 MiB)
 * @param maxReadsPerBatch   most reads in one PlateReadBatch (default 1,000)
 * @param maxHotlistItems    most upserts + removals in one HotlistDelta chunk (default 100,000)
 * @param maxConfigBytes     largest pushed configuration document (default 1 MiB)
 */
public record CodecLimits(
        int maxMessageBytes,
        int maxPlateCropBytes,
        int maxOverviewBytes,
        int maxReadsPerBatch,
        int maxHotlistItems,
        int maxConfigBytes) {

    public static final CodecLimits DEFAULTS =
            new CodecLimits(4 << 20, 256 << 10, 2 << 20, 1_000, 100_000, 1 << 20);

    public CodecLimits {
        requirePositive("maxMessageBytes", maxMessageBytes);
        requirePositive("maxPlateCropBytes", maxPlateCropBytes);
        requirePositive("maxOverviewBytes", maxOverviewBytes);
        requirePositive("maxReadsPerBatch", maxReadsPerBatch);
        requirePositive("maxHotlistItems", maxHotlistItems);
        requirePositive("maxConfigBytes", maxConfigBytes);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    public CodecLimits withMaxMessageBytes(int bytes) {
        return new CodecLimits(bytes, maxPlateCropBytes, maxOverviewBytes, maxReadsPerBatch, maxHotlistItems, maxConfigBytes);
    }

    public CodecLimits withMaxPlateCropBytes(int bytes) {
        return new CodecLimits(maxMessageBytes, bytes, maxOverviewBytes, maxReadsPerBatch, maxHotlistItems, maxConfigBytes);
    }
}
