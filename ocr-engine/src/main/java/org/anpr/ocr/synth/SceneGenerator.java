package org.anpr.ocr.synth;

import org.anpr.ocr.Quad;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * Renders synthetic gantry frames: road, vehicles side by side, one plate per vehicle under a perspective
 * tilt, camera degradations, encoded as a camera delivers it. Stateless and thread-safe; the output
 * depends only on the {@link SceneSpec} (including its seed).
 */
public final class SceneGenerator {

    public Scene render(SceneSpec spec) {
        Random rnd = new Random(spec.seed());
        List<PlateTruth> truths = new ArrayList<>();
        try (Scalar black = new Scalar(0.0); Mat frame = new Mat(spec.height(), spec.width(), CV_8UC3, black)) {
            VehiclePainter.road(frame, rnd);
            if (spec.look() == Look.IR_NIGHT) {
                Degrade.tone(frame, 0.4, 0, 1.4);
            }
            int n = spec.vehicles();
            for (int i = 0; i < n; i++) {
                truths.add(vehicle(frame, spec, i, rnd));
            }
            if (spec.look() == Look.IR_NIGHT) {
                Degrade.monochrome(frame);
            }
            Degrade.gaussianBlur(frame, 0.3 + rnd.nextDouble() * 0.5);
            Degrade.motionBlur(frame, spec.motionBlur(), rnd.nextGaussian() * 5);
            Degrade.noise(frame, spec.noise(), rnd.nextLong());
            return new Scene(encode(frame, spec.jpegQuality()), spec.jpegQuality() < 100 ? "jpg" : "png",
                    spec.width(), spec.height(), truths);
        }
    }

    /** Draws vehicle {@code i} of the spec in its lane and returns its plate's ground truth. */
    private static PlateTruth vehicle(Mat frame, SceneSpec spec, int i, Random rnd) {
        int w = spec.width();
        int h = spec.height();
        int lanes = spec.vehicles();
        double laneW = (double) w / lanes;
        int bodyW = (int) Math.min(laneW * (0.6 + rnd.nextDouble() * 0.25), w * 0.5);
        int bodyH = (int) Math.min(bodyW * 0.8, h * 0.9);
        int bx = (int) (laneW * i + (laneW - bodyW) / 2 + (rnd.nextDouble() - 0.5) * (laneW - bodyW) * 0.5);
        int by = (int) (h * 0.05 + rnd.nextDouble() * (h * 0.95 - bodyH - h * 0.05));
        PlateText text = spec.country() != null ? PlateSyntaxSample.next(spec.country(), rnd)
                : PlateSyntaxSample.next(spec.region(), rnd);
        PlateStyle style = PlateStyle.of(text.country(), rnd);
        double[] slot;
        try (Rect body = new Rect(bx, by, bodyW, bodyH)) {
            slot = VehiclePainter.car(frame, body, style.aspect(), rnd);
        }
        if (spec.look() == Look.IR_NIGHT) {
            // the flash barely lights the paintwork; the retro-reflective plate stays bright
            try (Rect body = new Rect(bx, by, bodyW, bodyH); Mat roi = new Mat(frame, body)) {
                Degrade.tone(roi, 0.35, 0, 1.3);
            }
        }
        double[][] q = LineSampleGenerator.jitteredQuad(slot[0] + slot[2] / 2, slot[1] + slot[3] / 2,
                slot[2], slot[3], spec.perspective() * 3, rnd);
        keepInside(q, w, h);
        // render at about twice the size it will have in the frame, so the warp only ever shrinks
        int renderH = (int) Math.max(40, Math.min(240, slot[3] * 2));
        BufferedImage plate = PlateRenderer.render(text, style, PlateFonts.pick(rnd), renderH, rnd);
        PlateWarp.paste(frame, plate, q[0], q[1]);
        Quad quad = Quad.of(q[0], q[1]);
        return new PlateTruth(text.text(), text.display(), text.country(), quad, quad.boundingBox());
    }

    /** Shifts the quad so that all four corners lie inside the frame. */
    private static void keepInside(double[][] q, int w, int h) {
        shift(q[0], w);
        shift(q[1], h);
    }

    private static void shift(double[] v, int limit) {
        double lo = Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
        double hi = Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
        double d = lo < 1 ? 1 - lo : hi > limit - 2 ? (limit - 2) - hi : 0;
        for (int i = 0; i < 4; i++) {
            v[i] += d;
        }
    }

    private static byte[] encode(Mat frame, int quality) {
        String ext = quality < 100 ? ".jpg" : ".png";
        try (BytePointer buf = new BytePointer();
             IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, Math.min(quality, 99))) {
            boolean ok = quality < 100 ? imencode(ext, frame, buf, params) : imencode(ext, frame, buf);
            if (!ok) {
                throw new IllegalStateException("cannot encode " + ext);
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }
}
