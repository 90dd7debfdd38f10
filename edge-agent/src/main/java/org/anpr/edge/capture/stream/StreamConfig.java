package org.anpr.edge.capture.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a live stream with reconnection.
 *
 * @param cameraId        camera id stamped on the frames (required)
 * @param uri             {@code http(s)://…} (multipart MJPEG), {@code /dev/videoN} or {@code v4l2:N}
 *                        (V4L2 device), {@code rtsp://…} or {@code rtsps://…} (RTSP camera through
 *                        FFmpeg, interleaved over TCP; credentials as {@code rtsp://user:password@host/…})
 * @param connectTimeout  TCP connect / device open timeout (RTSP: also the DESCRIBE/SETUP/PLAY
 *                        handshake and each socket read); default 5 s
 * @param stallTimeout    no complete frame for this long: the connection is dropped and re-made,
 *                        counted as a stall; default 5 s
 * @param backoffInitial  wait before the first reconnection; doubled per failure; default 250 ms
 * @param backoffMax      cap of the reconnection wait; default 30 s
 * @param maxFrameBytes   an MJPEG part larger than this is a broken stream; default 8 MiB
 */
public record StreamConfig(String cameraId, String uri, Duration connectTimeout, Duration stallTimeout,
                           Duration backoffInitial, Duration backoffMax, int maxFrameBytes) {

    public StreamConfig {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("cameraId: required");
        }
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri: required");
        }
        positive(connectTimeout, "connectTimeout");
        positive(stallTimeout, "stallTimeout");
        positive(backoffInitial, "backoffInitial");
        positive(backoffMax, "backoffMax");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax: " + backoffMax + " is below backoffInitial " + backoffInitial);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " is below 1024");
        }
    }

    /** The defaults for {@code uri}. */
    public static StreamConfig of(String cameraId, String uri) {
        return new StreamConfig(cameraId, uri, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(250),
                Duration.ofSeconds(30), 8 << 20);
    }

    /** {@link #uri()} with the password of its user info replaced by {@code ***}: for logs and errors. */
    public String maskedUri() {
        return masked(uri);
    }

    static String masked(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int hostStart = scheme + 3;
        int pathStart = hostStart;
        while (pathStart < uri.length() && "/?#".indexOf(uri.charAt(pathStart)) < 0) {
            pathStart++;
        }
        int at = uri.lastIndexOf('@', pathStart - 1); // last '@': a password may contain an unescaped '@'
        if (at < hostStart) {
            return uri;
        }
        int colon = uri.indexOf(':', hostStart);
        if (colon < 0 || colon > at) {
            return uri; // user without password
        }
        return uri.substring(0, colon + 1) + "***" + uri.substring(at);
    }

    public StreamConfig withTimeouts(Duration connect, Duration stall) {
        return new StreamConfig(cameraId, uri, connect, stall, backoffInitial, backoffMax, maxFrameBytes);
    }

    public StreamConfig withStallTimeout(Duration d) {
        return new StreamConfig(cameraId, uri, connectTimeout, d, backoffInitial, backoffMax, maxFrameBytes);
    }

    public StreamConfig withBackoff(Duration initial, Duration max) {
        return new StreamConfig(cameraId, uri, connectTimeout, stallTimeout, initial, max, maxFrameBytes);
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
    }
}
