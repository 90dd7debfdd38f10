package org.anpr.edge.capture.stream;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_BAD_REQUEST;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_OTHER_4XX;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_SERVER_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** FFmpeg error codes turned into messages an installer can act on. */
final class FfmpegErrors {
    // AVERROR(errno) is -errno; the values are Linux's (the same on x86_64 and arm64).
    static final int EIO = -5;
    static final int EAGAIN = -11;
    static final int ENETUNREACH = -101;
    static final int ECONNRESET = -104;
    static final int ETIMEDOUT = -110;
    static final int ECONNREFUSED = -111;
    static final int EHOSTUNREACH = -113;

    private FfmpegErrors() {
    }

    /** What went wrong with {@code config}'s camera: camera id, URL (password masked), cause. */
    static String message(StreamConfig config, String step, int err) {
        return "camera " + config.cameraId() + " (" + config.maskedUri() + "): " + step + ": " + describe(config, err);
    }

    static String describe(StreamConfig config, int err) {
        if (err == AVERROR_HTTP_UNAUTHORIZED) {
            return "authentication failed (RTSP 401 Unauthorized): check user and password in the URL";
        }
        if (err == AVERROR_HTTP_FORBIDDEN) {
            return "access denied (RTSP 403 Forbidden): the camera user may not view this stream";
        }
        if (err == AVERROR_HTTP_NOT_FOUND) {
            return "no such stream (RTSP 404 Not Found): check the path of the URL in the camera's manual";
        }
        if (err == AVERROR_HTTP_BAD_REQUEST || err == AVERROR_HTTP_OTHER_4XX) {
            return "request refused by the camera (RTSP 4xx): check the URL";
        }
        if (err == AVERROR_HTTP_SERVER_ERROR) {
            return "camera error (RTSP 5xx): the camera could not serve the stream";
        }
        if (err == ECONNREFUSED) {
            return "connection refused: nothing listens on that host and port (default RTSP port 554)";
        }
        if (err == ETIMEDOUT || err == AVERROR_EXIT) {
            return "no answer within " + config.connectTimeout().toMillis() + " ms: camera unreachable, "
                    + "port filtered or camera hung";
        }
        if (err == EHOSTUNREACH || err == ENETUNREACH) {
            return "host unreachable: check the camera's address and the gantry network";
        }
        if (err == ECONNRESET) {
            return "connection reset by the camera";
        }
        if (err == AVERROR_EOF) {
            return "the camera closed the connection";
        }
        if (err == AVERROR_INVALIDDATA) {
            return "not a valid RTSP answer or stream description (is it an RTSP port?)";
        }
        if (err == EIO) { // what FFmpeg returns for a failed name lookup, among others
            String host = hostOf(config.uri());
            if (host != null && !resolves(host)) {
                return "unknown host '" + host + "'";
            }
        }
        return text(err) + " (FFmpeg error " + err + ")";
    }

    static String text(int err) {
        byte[] buf = new byte[256];
        if (av_strerror(err, buf, buf.length) < 0) {
            return "unknown error";
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static String hostOf(String uri) {
        try {
            return URI.create(uri).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
