package org.anpr.ocr.synth;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * A generated frame and its ground truth.
 *
 * @param encoded the frame as a camera would deliver it: JPEG, or PNG when the spec asks for quality 100
 * @param format  {@code "jpg"} or {@code "png"}
 * @param plates  every plate in the frame
 */
public record Scene(byte[] encoded, String format, int width, int height, List<PlateTruth> plates) {

    public Scene {
        encoded = encoded.clone();
        plates = List.copyOf(plates);
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The decoded frame, 8-bit BGR. The caller closes it. */
    public Mat toMat() {
        try (Mat raw = new Mat(1, encoded.length, CV_8UC1)) {
            raw.data().put(encoded);
            Mat bgr = imdecode(raw, IMREAD_COLOR);
            if (bgr.empty()) {
                bgr.close();
                throw new IllegalStateException("generated frame does not decode");
            }
            return bgr;
        }
    }

    /** The decoded frame as a Java2D image. */
    public BufferedImage toImage() {
        try {
            return javax.imageio.ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
