package org.anpr.edge.capture.stream;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_V4L2;

import java.io.IOException;
import org.anpr.edge.capture.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * A V4L2 device through OpenCV's {@code VideoCapture} (RTSP goes through {@link FfmpegRtspConnection}:
 * the bundled OpenCV has no FFmpeg). A native read cannot be interrupted, so the stall watchdog here is the
 * backend's own read timeout (V4L2: select() timeout) plus the time check after each read; close()
 * from another thread waits for the read in progress.
 */
final class VideoCaptureConnection implements StreamConnection {
    private final VideoCapture capture = new VideoCapture();
    private final long stallNanos;
    private long lastFrame = System.nanoTime();
    private boolean closed;

    VideoCaptureConnection(StreamConfig config) throws IOException {
        this.stallNanos = config.stallTimeout().toNanos();
        String uri = config.uri();
        boolean ok;
        if (uri.startsWith("v4l2:")) {
            ok = capture.open(Integer.parseInt(uri.substring(5).trim()), CAP_V4L2);
        } else if (uri.startsWith("/dev/video")) {
            ok = capture.open(uri, CAP_V4L2);
        } else {
            ok = capture.open(uri, CAP_ANY);
        }
        if (!ok) {
            capture.close();
            throw new IOException(uri + ": OpenCV VideoCapture cannot open it");
        }
    }

    @Override
    public synchronized Frame read(FrameStamper stamp) throws IOException {
        if (closed) {
            return null;
        }
        Mat mat = new Mat();
        if (!capture.read(mat) || mat.empty()) {
            mat.close();
            if (System.nanoTime() - lastFrame > stallNanos) {
                throw new StallException("no frame for " + stallNanos / 1_000_000 + " ms");
            }
            throw new IOException("device returned no frame");
        }
        lastFrame = System.nanoTime();
        return stamp.decoded(mat);
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
