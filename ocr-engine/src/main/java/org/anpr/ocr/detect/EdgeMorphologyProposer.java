package org.anpr.ocr.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.convertScaleAbs;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.image.Components;
import org.anpr.ocr.image.Components.Blob;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Classic plate localisation: plates are dense in vertical edges (character strokes). Vertical
 * Sobel, Otsu, a wide closing to merge a plate's strokes into one blob, an opening to cut thin
 * bridges, then blobs with a plate's aspect ratio (2-6.5) are proposed.
 */
final class EdgeMorphologyProposer implements RegionProposer {

    @Override
    public List<PlateRegion> propose(Mat gray) {
        Mat gx = new Mat();
        Sobel(gray, gx, CV_16S, 1, 0, 3, 1, 0, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT);
        Mat edges = new Mat();
        convertScaleAbs(gx, edges);
        Mat bin = new Mat();
        threshold(edges, bin, 0, 255, THRESH_BINARY | THRESH_OTSU);
        int kw = Math.max(9, gray.cols() / 45);
        Mat closed = new Mat();
        morphologyEx(bin, closed, MORPH_CLOSE, getStructuringElement(MORPH_RECT, new Size(kw, 3)));
        Mat opened = new Mat();
        morphologyEx(closed, opened, MORPH_OPEN, getStructuringElement(MORPH_RECT, new Size(5, 5)));
        List<PlateRegion> out = new ArrayList<>();
        double frameArea = gray.rows() * (double) gray.cols();
        for (Blob b : Components.of(opened)) {
            double aspect = b.w() / (double) b.h();
            double boxArea = b.w() * (double) b.h();
            if (b.h() < 8 || aspect < 2 || aspect > 6.5 || boxArea > 0.08 * frameArea) {
                continue;
            }
            double fill = b.area() / boxArea;
            if (fill < 0.45) {
                continue;
            }
            double aspectScore = 1 - Math.min(1, Math.abs(Math.log(aspect / 4.0)) / Math.log(2.5));
            double score = 0.5 * fill * (0.5 + 0.5 * aspectScore);
            // Closing stops at the outer strokes: widen so the first and last characters are whole.
            double mx = 0.08 * b.w(), my = 0.15 * b.h();
            out.add(new PlateRegion(Boxes.rect(b.x() - mx, b.y() - my, b.w() + 2 * mx, b.h() + 2 * my), score, "edges"));
        }
        return out;
    }
}
