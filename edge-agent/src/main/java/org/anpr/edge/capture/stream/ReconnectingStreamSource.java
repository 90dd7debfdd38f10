package org.anpr.edge.capture.stream;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.SourceStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live stream that never ends by itself: a failed connect, a broken or garbled stream and a
 * stall (no complete frame within {@link StreamConfig#stallTimeout()}) all lead to a new connection
 * after an exponential backoff with "equal jitter" (half fixed, half random, so a fleet of cameras
 * does not reconnect in lock-step); the backoff restarts after a frame arrives. Everything is
 * counted in {@link #stats()}. Open with {@link #open(StreamConfig, DeviceClock)}.
 */
public final class ReconnectingStreamSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingStreamSource.class);

    /** Makes one connection; separated so tests and other transports can plug in. */
    interface Connector {
        StreamConnection connect(StreamConfig config) throws IOException;
    }

    private final StreamConfig config;
    private final Connector connector;
    private final FrameStamper stamper;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Object lock = new Object();
    private StreamConnection current;
    private long backoffNanos;
    private volatile boolean closed;

    ReconnectingStreamSource(StreamConfig config, DeviceClock clock, Connector connector) {
        this.config = config;
        this.connector = connector;
        this.stamper = new FrameStamper(config.cameraId(), clock);
        this.backoffNanos = config.backoffInitial().toNanos();
    }

    /**
     * A source for {@code config.uri()}: HTTP(S) MJPEG through the project's own multipart parser,
     * V4L2 devices through OpenCV, RTSP(S) through FFmpeg. Connects lazily, in {@link #next()}.
     *
     * @throws IllegalArgumentException the scheme is unsupported (the message says which are)
     */
    public static ReconnectingStreamSource open(StreamConfig config, DeviceClock clock) {
        String uri = config.uri().toLowerCase(java.util.Locale.ROOT);
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return new ReconnectingStreamSource(config, clock, MjpegHttpConnection::new);
        }
        if (uri.startsWith("/dev/video") || uri.startsWith("v4l2:")) {
            return new ReconnectingStreamSource(config, clock, VideoCaptureConnection::new);
        }
        if (uri.startsWith("rtsp://") || uri.startsWith("rtsps://")) {
            return new ReconnectingStreamSource(config, clock, FfmpegRtspConnection::new);
        }
        throw new IllegalArgumentException("uri: unsupported source '" + config.maskedUri()
                + "' (http(s):// MJPEG, /dev/videoN, v4l2:N, rtsp(s)://)");
    }

    @Override
    public String cameraId() {
        return config.cameraId();
    }

    @Override
    public Frame next() throws InterruptedException {
        while (!closed) {
            StreamConnection c = connection();
            if (c == null) {
                continue; // connect failed, backoff done; retry
            }
            try {
                Frame f = c.read(stamper);
                if (f != null) {
                    frames.incrementAndGet();
                    backoffNanos = config.backoffInitial().toNanos();
                    return f;
                }
                errors.incrementAndGet();
                LOG.info("{}: stream ended by the server, reconnecting", config.cameraId());
            } catch (StallException e) {
                stalls.incrementAndGet();
                LOG.warn("{}: stalled ({}), reconnecting", config.cameraId(), e.getMessage());
            } catch (IOException e) {
                if (!closed) {
                    errors.incrementAndGet();
                    LOG.warn("{}: stream broke ({}), reconnecting", config.cameraId(), e.getMessage());
                }
            }
            drop(c);
            backoff();
        }
        return null;
    }

    private StreamConnection connection() throws InterruptedException {
        synchronized (lock) {
            if (current != null) {
                return current;
            }
        }
        attempts.incrementAndGet();
        StreamConnection c;
        try {
            c = connector.connect(config);
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            LOG.warn("{}: connect failed: {}", config.cameraId(), e.getMessage());
            backoff();
            return null;
        }
        synchronized (lock) {
            if (closed) {
                c.close();
                return null;
            }
            current = c;
        }
        connects.incrementAndGet();
        return c;
    }

    private void drop(StreamConnection c) {
        synchronized (lock) {
            if (current == c) {
                current = null;
            }
        }
        c.close();
    }

    private void backoff() throws InterruptedException {
        if (closed) {
            return;
        }
        long half = backoffNanos / 2;
        long wait = half + ThreadLocalRandom.current().nextLong(half + 1);
        backoffNanos = Math.min(backoffNanos * 2, config.backoffMax().toNanos());
        long until = System.nanoTime() + wait;
        while (!closed && System.nanoTime() < until) { // short naps so close() is noticed promptly
            Thread.sleep(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    @Override
    public SourceStats stats() {
        long a = attempts.get();
        return new SourceStats(frames.get(), connects.get(), Math.max(0, a - 1), stalls.get(), errors.get(), 0);
    }

    @Override
    public void close() {
        closed = true;
        StreamConnection c;
        synchronized (lock) {
            c = current;
            current = null;
        }
        if (c != null) {
            c.close();
        }
    }
}
