package org.anpr.edge.config;

import java.util.Objects;
import org.anpr.edge.capture.Pacing;

/**
 * One camera of the gantry.
 *
 * @param id     camera id (topic-safe)
 * @param lane   lane it watches, 1..64
 * @param source where frames come from: an RTSP or HTTP-MJPEG URL, a V4L2 device, a video file, an
 *               image folder, or {@code synthetic[:SEED]} (see {@code capture.FrameSources})
 * @param replay pacing of a recorded source (folder, video file): {@code realtime} (default) or
 *               {@code fast} (recorded capture times, no waiting); live sources ignore it
 * @param frameIntervalMillis how far apart the frames of a recording without times are (an image
 *               folder without a {@code frames.csv} or time-stamped names, a video without a frame
 *               rate); default 100 (10 a second). Still photographs of different vehicles want at
 *               least 2000: frames closer than the read aggregator's 1.5 s idle gap are taken for one
 *               passage when their plates look alike
 */
public record CameraConfig(String id, int lane, String source, Pacing replay, long frameIntervalMillis) {
    /** Frames of a folder without times, or of a video without a frame rate, are this far apart: 10 a second. */
    public static final long DEFAULT_FRAME_INTERVAL_MILLIS = 100;

    public CameraConfig {
        Objects.requireNonNull(replay, "replay");
    }

    public CameraConfig(String id, int lane, String source, Pacing replay) {
        this(id, lane, source, replay, DEFAULT_FRAME_INTERVAL_MILLIS);
    }

    public CameraConfig(String id, int lane, String source) {
        this(id, lane, source, Pacing.REALTIME);
    }
}
