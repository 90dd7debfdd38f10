package org.anpr.edge.capture.stream;

import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.CaptureTime;
import org.anpr.edge.capture.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

/** Stamps frames of a live source with the device clock at arrival and a running sequence. */
final class FrameStamper {
    private final String cameraId;
    private final DeviceClock clock;
    private long sequence;

    FrameStamper(String cameraId, DeviceClock clock) {
        this.cameraId = cameraId;
        this.clock = clock;
    }

    Frame encoded(byte[] bytes) {
        long now = clock.monotonicNanos();
        return Frame.ofEncoded(cameraId, sequence++, CaptureTime.micros(clock, now), now, bytes);
    }

    Frame decoded(Mat mat) {
        long now = clock.monotonicNanos();
        return Frame.ofMat(cameraId, sequence++, CaptureTime.micros(clock, now), now, mat);
    }
}
