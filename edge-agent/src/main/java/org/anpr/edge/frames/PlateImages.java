package org.anpr.edge.frames;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.Quad;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** JPEG evidence cut from a frame: the plate crop and the overview. Every Mat made here is closed here. */
final class PlateImages {
    private final EvidenceConfig config;

    PlateImages(EvidenceConfig config) {
        this.config = config;
    }

    /** The plate's box plus the margin, clamped to the frame, as JPEG; null if it is empty. */
    EncodedImage crop(Mat frame, Quad quad) {
        BoundingBox b = quad.boundingBox();
        double mx = b.width() * config.cropMargin();
        double my = b.height() * config.cropMargin();
        int x0 = clamp((int) Math.floor(b.x() - mx), frame.cols());
        int y0 = clamp((int) Math.floor(b.y() - my), frame.rows());
        int x1 = clamp((int) Math.ceil(b.x() + b.width() + mx), frame.cols());
        int y1 = clamp((int) Math.ceil(b.y() + b.height() + my), frame.rows());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return null;
        }
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(frame, r)) {
            return encode(roi, config.cropMaxWidth(), config.cropQuality());
        }
    }

    /** The whole frame as JPEG, scaled down to the overview width. */
    EncodedImage overview(Mat frame) {
        return encode(frame, config.overviewMaxWidth(), config.overviewQuality());
    }

    /** The whole frame as JPEG at full size (commissioning test shots). */
    static EncodedImage fullFrame(Mat frame, int quality) {
        return encode(frame, frame.cols(), quality);
    }

    /** Decodes an encoded frame to BGR; the caller closes the result. Null if it does not decode. */
    static Mat decode(byte[] encoded) {
        try (Mat raw = new Mat(1, encoded.length, CV_8UC1)) {
            raw.data().put(encoded);
            Mat bgr = imdecode(raw, IMREAD_COLOR);
            if (bgr.empty()) {
                bgr.close();
                return null;
            }
            return bgr;
        }
    }

    private static EncodedImage encode(Mat image, int maxWidth, int quality) {
        Mat src = image;
        Mat scaled = null;
        try {
            if (image.cols() > maxWidth) {
                int h = Math.max(1, (int) Math.round((double) image.rows() * maxWidth / image.cols()));
                scaled = new Mat();
                try (Size size = new Size(maxWidth, h)) {
                    resize(image, scaled, size, 0, 0, INTER_AREA);
                }
                src = scaled;
            }
            try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
                if (!imencode(".jpg", src, buf, params)) {
                    throw new IllegalStateException("JPEG encoding failed");
                }
                byte[] out = new byte[(int) buf.limit()];
                buf.get(out);
                return new EncodedImage(out, src.cols(), src.rows());
            }
        } finally {
            if (scaled != null) {
                scaled.close();
            }
        }
    }

    private static int clamp(int v, int limit) {
        return Math.max(0, Math.min(limit, v));
    }
}
