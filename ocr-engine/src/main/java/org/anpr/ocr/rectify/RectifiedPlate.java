package org.anpr.ocr.rectify;

import org.anpr.ocr.Quad;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A plate warped to an upright rectangle.
 *
 * @param bgr  the upright plate, {@code plateHeight} pixels tall (owned by the caller's scope)
 * @param quad the frame quadrilateral that was warped (after deskew refinement)
 */
public record RectifiedPlate(Mat bgr, Quad quad) {
}
