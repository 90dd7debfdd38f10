package org.anpr.edge.capture.stream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;
import org.anpr.edge.capture.Frame;

/**
 * HTTP MJPEG ({@code multipart/x-mixed-replace}) over the JDK's HTTP client, parsed by
 * {@link MultipartMjpegReader}: the OpenCV build here has no FFmpeg, so it cannot open HTTP streams.
 * Frames stay encoded (JPEG); the recognizer decodes them.
 */
final class MjpegHttpConnection implements StreamConnection {
    private final HttpURLConnection http;
    private final DeadlineInputStream watchdog;
    private final MultipartMjpegReader reader;

    MjpegHttpConnection(StreamConfig config) throws IOException {
        http = (HttpURLConnection) URI.create(config.uri()).toURL().openConnection();
        try {
            http.setConnectTimeout((int) config.connectTimeout().toMillis());
            http.setReadTimeout((int) config.stallTimeout().toMillis());
            http.setUseCaches(false);
            int status = http.getResponseCode();
            if (status != 200) {
                throw new IOException(config.maskedUri() + ": HTTP " + status);
            }
            String type = String.valueOf(http.getContentType());
            String boundary = boundaryOf(type);
            if (boundary == null) {
                throw new IOException(config.maskedUri() + ": not a multipart MJPEG stream (Content-Type " + type + ")");
            }
            watchdog = new DeadlineInputStream(http.getInputStream(), config.stallTimeout().toNanos());
            reader = new MultipartMjpegReader(new BufferedInputStream(watchdog, 64 * 1024), boundary,
                    config.maxFrameBytes());
        } catch (IOException | RuntimeException e) {
            http.disconnect();
            throw e;
        }
    }

    /** The boundary parameter of a multipart Content-Type, unquoted; null if none. */
    static String boundaryOf(String contentType) {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).trim();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }

    @Override
    public Frame read(FrameStamper stamp) throws IOException {
        byte[] jpeg = reader.nextPart();
        if (jpeg == null) {
            return null;
        }
        watchdog.restart();
        if (jpeg.length == 0) {
            throw new IOException("empty part");
        }
        return stamp.encoded(jpeg);
    }

    @Override
    public void close() {
        http.disconnect(); // closes the socket: a read blocked in another thread fails at once
    }
}
