package org.anpr.edge.capture;

import java.io.IOException;

/**
 * Where frames come from: a camera stream, a video file, an image folder, synthetic traffic.
 * Pull-based: one capture thread calls {@link #next()} in a loop. Each returned {@link Frame} is
 * owned by the caller, who closes it.
 *
 * <p>Live sources never end by themselves: they reconnect with backoff and count it in
 * {@link #stats()}. Finite sources (files, folders, a bounded synthetic run) return null at the end.
 */
public interface FrameSource extends AutoCloseable {

    /** Camera id stamped on every frame of this source. */
    String cameraId();

    /**
     * Blocks until the next frame is available.
     *
     * @return the next frame, or null when the source has ended (or was closed)
     * @throws IOException a permanent failure (unreadable folder, file that is not a video)
     */
    Frame next() throws IOException, InterruptedException;

    /**
     * True for a recording replayed as fast as possible: nothing is happening live, so the
     * pipeline waits for queue space instead of dropping frames, and frames never go stale. The
     * replay then runs exactly as fast as recognition. Live sources (default) are dropped from.
     */
    default boolean lossless() {
        return false;
    }

    /** True when the source ends by itself (a recording: image folder, video file); live cameras never do. */
    default boolean finite() {
        return false;
    }

    /** Counters since the source was opened. */
    SourceStats stats();

    /** Stops the source; a blocked {@link #next()} returns null soon after. Idempotent. */
    @Override
    void close();
}
