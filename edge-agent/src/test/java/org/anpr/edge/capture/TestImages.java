package org.anpr.edge.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Small images made at test time. */
public final class TestImages {
    private TestImages() {
    }

    /** A plain {@code w}×{@code h} BGR image of grey level {@code level}, as JPEG. */
    public static byte[] jpeg(int w, int h, int level) {
        try (Scalar s = new Scalar(level, level, level, 0); Mat m = new Mat(h, w, CV_8UC3, s);
             BytePointer buf = new BytePointer()) {
            if (!imencode(".jpg", m, buf)) {
                throw new IllegalStateException("encode");
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }
}
