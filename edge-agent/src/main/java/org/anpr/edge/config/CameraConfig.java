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
 */
public record CameraConfig(String id, int lane, String source, Pacing replay) {
    public CameraConfig {
        Objects.requireNonNull(replay, "replay");
    }

    public CameraConfig(String id, int lane, String source) {
        this(id, lane, source, Pacing.REALTIME);
    }
}
