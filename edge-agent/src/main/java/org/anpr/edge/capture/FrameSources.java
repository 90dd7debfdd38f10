package org.anpr.edge.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.replay.ImageFolderSource;
import org.anpr.edge.capture.replay.ReplayConfig;
import org.anpr.edge.capture.replay.VideoFileSource;
import org.anpr.edge.capture.stream.ReconnectingStreamSource;
import org.anpr.edge.capture.stream.StreamConfig;
import org.anpr.edge.capture.synthetic.SyntheticTrafficConfig;
import org.anpr.edge.capture.synthetic.SyntheticTrafficSource;
import org.anpr.ocr.synth.SceneSpec;

/**
 * Opens the source a camera's configuration names ({@code cameras[].source} in gantry.yaml), with
 * the default settings of each kind:
 * <ul>
 *   <li>{@code http://…}, {@code https://…}: multipart MJPEG stream, reconnecting;</li>
 *   <li>{@code /dev/videoN}, {@code v4l2:N}: V4L2 device, reconnecting;</li>
 *   <li>{@code rtsp://…}, {@code rtsps://…}: RTSP camera through FFmpeg (H.264/H.265 decoded, MJPEG as JPEG), reconnecting;</li>
 *   <li>a folder: its images replayed in real time;</li>
 *   <li>a file: a video replayed in real time;</li>
 *   <li>{@code synthetic} or {@code synthetic:SEED}: endless synthetic traffic (demo, load tests).</li>
 * </ul>
 */
public final class FrameSources {
    private FrameSources() {
    }

    /**
     * @throws IOException              a folder or file that cannot be replayed
     * @throws IllegalArgumentException an unsupported or malformed source (message starts with the field)
     */
    public static FrameSource open(String cameraId, String source, DeviceClock clock) throws IOException {
        return open(cameraId, source, Pacing.REALTIME, clock);
    }

    /**
     * As {@link #open(String, String, DeviceClock)}, with the pacing of recorded sources (folders,
     * video files): {@link Pacing#AS_FAST_AS_POSSIBLE} replays them with their recorded capture
     * times but without waiting (re-processing a recording, tests). Live sources ignore it.
     */
    public static FrameSource open(String cameraId, String source, Pacing replay, DeviceClock clock) throws IOException {
        return open(cameraId, source, replay, ReplayConfig.DEFAULT_FPS, clock);
    }

    /**
     * As {@link #open(String, String, Pacing, DeviceClock)}, with the frame rate given to recorded
     * frames that carry no time of their own (an image folder without a sidecar or time-stamped names,
     * a video without a frame rate): {@code cameras[].frameIntervalMillis}.
     */
    public static FrameSource open(String cameraId, String source, Pacing replay, double fallbackFps, DeviceClock clock) throws IOException {
        String s = source.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("rtsp")
                || lower.startsWith("/dev/video") || lower.startsWith("v4l2:")) {
            return ReconnectingStreamSource.open(StreamConfig.of(cameraId, s), clock);
        }
        if (lower.equals("synthetic") || lower.startsWith("synthetic:")) {
            long seed;
            try {
                seed = lower.equals("synthetic") ? 1 : Long.parseLong(s.substring("synthetic:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("source: 'synthetic:SEED' needs a number, got '" + s + "'");
            }
            SceneSpec scene = SceneSpec.builder().seed(seed).build();
            return new SyntheticTrafficSource(SyntheticTrafficConfig.defaults(cameraId).withScene(scene), clock);
        }
        Path p = Path.of(s);
        if (Files.isDirectory(p)) {
            return new ImageFolderSource(p, ReplayConfig.of(cameraId).withPacing(replay).withFallbackFps(fallbackFps), clock);
        }
        if (Files.isRegularFile(p)) {
            return new VideoFileSource(p, ReplayConfig.of(cameraId).withPacing(replay).withFallbackFps(fallbackFps), clock);
        }
        throw new IllegalArgumentException("source: '" + s + "' is no stream URL, device, folder or file");
    }
}
