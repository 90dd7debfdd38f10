package org.anpr.ocr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.ImageRejectedException.Reason;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns the three accepted frame forms (Mat, encoded bytes, file) into an 8-bit BGR Mat, rejecting
 * bad input with {@link ImageRejectedException}. Mats it creates belong to the caller's
 * {@link org.bytedeco.javacpp.PointerScope}.
 */
public final class FrameDecoder {
    private final long maxPixels;
    private final long maxEncodedBytes;

    public FrameDecoder(long maxPixels, long maxEncodedBytes) {
        this.maxPixels = maxPixels;
        this.maxEncodedBytes = maxEncodedBytes;
    }

    /** Decodes JPEG/PNG/BMP bytes after checking the header's dimensions. */
    public Mat decode(byte[] encoded) {
        ImageHeader header = ImageHeader.probe(encoded);
        if (encoded.length > maxEncodedBytes) {
            throw new ImageRejectedException(Reason.TOO_LARGE,
                    encoded.length + " encoded bytes, limit " + maxEncodedBytes);
        }
        header.requireWithin(maxPixels);
        Mat buf = new Mat(1, encoded.length, CV_8UC1, new BytePointer(encoded));
        Mat img = imdecode(buf, IMREAD_COLOR);
        if (img == null || img.empty()) {
            throw new ImageRejectedException(Reason.CORRUPT, header.format() + " data could not be decoded");
        }
        if (img.cols() != header.width() || img.rows() != header.height()) {
            throw new ImageRejectedException(Reason.CORRUPT, "decoded size " + img.cols() + "x" + img.rows()
                    + " differs from header " + header.width() + "x" + header.height());
        }
        return img;
    }

    /** Reads and decodes an image file. */
    public Mat read(Path file) {
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ImageRejectedException(Reason.UNREADABLE, "not a readable file: " + file);
            }
            long size = Files.size(file);
            if (size > maxEncodedBytes) {
                throw new ImageRejectedException(Reason.TOO_LARGE, file + " is " + size + " bytes, limit " + maxEncodedBytes);
            }
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageRejectedException(Reason.UNREADABLE, file + ": " + e.getMessage());
        }
    }

    /**
     * Validates a caller's Mat and returns it as 8-bit BGR: the same Mat when it already is,
     * otherwise a converted copy. The caller's Mat is never released here.
     */
    public Mat accept(Mat frame) {
        if (frame == null || frame.isNull() || frame.empty()) {
            throw new ImageRejectedException(Reason.EMPTY, "empty Mat");
        }
        ImageHeader.requireDimensions("Mat", frame.cols(), frame.rows(), maxPixels);
        if (frame.depth() != CV_8U || frame.dims() != 2) {
            throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                    "need an 8-bit 2-D Mat, got depth " + frame.depth() + ", dims " + frame.dims());
        }
        switch (frame.channels()) {
            case 3:
                return frame;
            case 1: {
                Mat bgr = new Mat();
                cvtColor(frame, bgr, COLOR_GRAY2BGR);
                return bgr;
            }
            case 4: {
                Mat bgr = new Mat();
                cvtColor(frame, bgr, COLOR_BGRA2BGR);
                return bgr;
            }
            default:
                throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT, frame.channels() + " channels");
        }
    }
}
