package org.anpr.device.radar;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Replays recorded radar bytes. Reads are split into chunks of random size (seeded, so runs are
 * repeatable) to reproduce how a UART delivers lines in arbitrary pieces.
 */
public final class RecordedByteSource implements ByteSource {

    private final byte[] data;
    private final SplittableRandom random;
    private final int maxChunk;
    private int pos;

    public RecordedByteSource(byte[] data, int maxChunk, long seed) {
        this.data = Objects.requireNonNull(data, "data").clone();
        if (maxChunk < 1) {
            throw new IllegalArgumentException("maxChunk must be >= 1, was " + maxChunk);
        }
        this.maxChunk = maxChunk;
        this.random = new SplittableRandom(seed);
    }

    /** Reads a whole recording (e.g. a classpath resource) into memory. */
    public static RecordedByteSource of(InputStream in, int maxChunk, long seed) throws IOException {
        try (in) {
            return new RecordedByteSource(in.readAllBytes(), maxChunk, seed);
        }
    }

    @Override
    public int read(byte[] buf) {
        if (pos >= data.length) {
            return -1;
        }
        int n = Math.min(Math.min(buf.length, data.length - pos), 1 + random.nextInt(maxChunk));
        System.arraycopy(data, pos, buf, 0, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        Arrays.fill(data, (byte) 0);
        pos = data.length;
    }
}
