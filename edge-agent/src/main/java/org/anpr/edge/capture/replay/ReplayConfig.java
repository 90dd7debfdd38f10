package org.anpr.edge.capture.replay;

import java.util.Objects;
import org.anpr.edge.capture.Pacing;

/**
 * Settings of a recorded source (image folder or video file).
 *
 * @param cameraId    camera id stamped on the frames (required, non-blank)
 * @param pacing      {@link Pacing#REALTIME} (default) or as fast as possible
 * @param fallbackFps frame rate used when the recording carries no times (folders without
 *                    timestamps; videos without a frame rate); default 10, 0.1..1000
 * @param startMicros UTC microseconds of the first frame when the recording carries no absolute
 *                    time (videos, folders without timestamps); default: when the config was made
 */
public record ReplayConfig(String cameraId, Pacing pacing, double fallbackFps, long startMicros) {
    public static final double DEFAULT_FPS = 10;

    public ReplayConfig {
        Objects.requireNonNull(pacing, "pacing");
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("cameraId: required");
        }
        if (!(fallbackFps >= 0.1 && fallbackFps <= 1000)) {
            throw new IllegalArgumentException("fallbackFps: " + fallbackFps + " is outside 0.1..1000");
        }
    }

    /** Real-time replay at the default frame rate, starting now. */
    public static ReplayConfig of(String cameraId) {
        return new ReplayConfig(cameraId, Pacing.REALTIME, DEFAULT_FPS, System.currentTimeMillis() * 1000);
    }

    public ReplayConfig withPacing(Pacing p) {
        return new ReplayConfig(cameraId, p, fallbackFps, startMicros);
    }

    public ReplayConfig withFallbackFps(double fps) {
        return new ReplayConfig(cameraId, pacing, fps, startMicros);
    }

    public ReplayConfig withStartMicros(long micros) {
        return new ReplayConfig(cameraId, pacing, fallbackFps, micros);
    }
}
