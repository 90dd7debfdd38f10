package org.anpr.edge.capture.stream;

import static org.bytedeco.opencv.global.opencv_core.getBuildInformation;

import java.util.Locale;

/**
 * What the loaded OpenCV build can capture from. The bytedeco {@code opencv} 4.11.0-1.5.12 build
 * reports {@code Video I/O: v4l/v4l2: YES} and nothing else: V4L2 devices and its built-in
 * Motion-JPEG AVI reader work, network streams (RTSP, HTTP) need FFmpeg or GStreamer, which it lacks.
 */
public final class OpenCvBackends {
    private static volatile Boolean network;

    private OpenCvBackends() {
    }

    /** True when OpenCV has a backend that opens network streams (FFmpeg or GStreamer). */
    public static boolean hasNetworkStreams() {
        Boolean n = network;
        if (n == null) {
            String info = getBuildInformation().getString().toLowerCase(Locale.ROOT);
            n = info.matches("(?s).*\\n\\s*ffmpeg:\\s*yes.*") || info.matches("(?s).*\\n\\s*gstreamer:\\s*yes.*");
            network = n;
        }
        return n;
    }
}
