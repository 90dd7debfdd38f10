package org.anpr.edge.capture.replay;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.SourceStats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * Replays a video file through OpenCV's {@code VideoCapture} as decoded frames. Capture times are
 * {@code startMicros + index / fps} (the file's frame rate, else the fallback). Which containers
 * open depends on the OpenCV build: the bytedeco build used here has no FFmpeg/GStreamer, so its
 * built-in reader handles Motion-JPEG AVI (what {@code VideoWriter} with fourcc MJPG writes);
 * other files fail in the constructor with a message saying so.
 */
public final class VideoFileSource extends RecordedSource {
    private final VideoCapture capture;
    private final double fps;
    private volatile long frames;
    private boolean closed;

    /** @throws IOException the file is missing or no OpenCV backend of this build can read it */
    public VideoFileSource(Path file, ReplayConfig config, DeviceClock clock) throws IOException {
        super(config, clock);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        VideoCapture c = new VideoCapture();
        if (!c.open(file.toString(), CAP_ANY)) {
            c.close();
            throw new IOException(file + ": OpenCV cannot read this video (this build reads Motion-JPEG AVI only; "
                    + "no FFmpeg/GStreamer backend)");
        }
        this.capture = c;
        double f = c.get(CAP_PROP_FPS);
        this.fps = f > 0 && f < 1000 ? f : config.fallbackFps();
    }

    /** Frame rate used for the timestamps. */
    public double fps() {
        return fps;
    }

    @Override
    public Frame next() throws InterruptedException {
        Mat mat = new Mat();
        long recorded;
        synchronized (this) { // close() must not release the capture during a read
            if (closed || !capture.read(mat) || mat.empty()) {
                mat.close();
                return null;
            }
            recorded = config.startMicros() + Math.round(frames * 1e6 / fps);
        }
        try {
            pacer.await(recorded);
        } catch (InterruptedException e) {
            mat.close();
            throw e;
        }
        return Frame.ofMat(config.cameraId(), frames++, recorded, clock.monotonicNanos(), mat);
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(frames, 1, 0, 0, 0, 0);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            capture.release();
            capture.close();
        }
    }
}
