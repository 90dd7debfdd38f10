package org.anpr.edge.capture.stream;

import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.CaptureTime;
import org.anpr.edge.capture.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Stamps frames of a live source with the device clock at arrival and a running sequence. Sources
 * that decode take the arrival reading ({@link #now()}) when the data came off the network and pass
 * it in, so decoding time does not shift the capture time.
 */
final class FrameStamper {
    private final String cameraId;
    private final DeviceClock clock;
    private long sequence;

    FrameStamper(String cameraId, DeviceClock clock) {
        this.cameraId = cameraId;
        this.clock = clock;
    }

    /** A reading of the capture clock's monotonic scale, for {@code arrivalNanos}. */
    long now() {
        return clock.monotonicNanos();
    }

    Frame encoded(byte[] bytes) {
        return encoded(bytes, now());
    }

    Frame encoded(byte[] bytes, long arrivalNanos) {
        return Frame.ofEncoded(cameraId, sequence++, CaptureTime.micros(clock, arrivalNanos), arrivalNanos, bytes);
    }

    Frame decoded(Mat mat) {
        return decoded(mat, now());
    }

    Frame decoded(Mat mat, long arrivalNanos) {
        return Frame.ofMat(cameraId, sequence++, CaptureTime.micros(clock, arrivalNanos), arrivalNanos, mat);
    }
}
