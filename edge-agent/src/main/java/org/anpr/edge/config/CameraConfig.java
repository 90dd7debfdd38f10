package org.anpr.edge.config;

/**
 * One camera of the gantry.
 *
 * @param id     camera id (topic-safe)
 * @param lane   lane it watches, 1..64
 * @param source where frames come from: an RTSP URL, a V4L2 device, a video file or an image folder
 */
public record CameraConfig(String id, int lane, String source) {
}
