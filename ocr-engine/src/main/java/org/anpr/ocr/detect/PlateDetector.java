package org.anpr.ocr.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Stage 1: plate detection. Runs the proposers on a grey frame downscaled to at most
 * {@code detectionWidth}, merges overlapping proposals (agreement of both proposers raises the
 * score) and keeps the top {@code maxRegions}. Regions come back in full-frame pixels.
 */
public final class PlateDetector {
    private final int detectionWidth;
    private final int maxRegions;
    private final List<RegionProposer> proposers = List.of(new CharGroupProposer(), new EdgeMorphologyProposer());

    public PlateDetector(int detectionWidth, int maxRegions) {
        this.detectionWidth = detectionWidth;
        this.maxRegions = maxRegions;
    }

    /** @param bgr 8-bit BGR frame */
    public List<PlateRegion> detect(Mat bgr) {
        Mat gray = new Mat();
        cvtColor(bgr, gray, COLOR_BGR2GRAY);
        double scale = Math.min(1.0, detectionWidth / (double) gray.cols());
        Mat small = gray;
        if (scale < 1.0) {
            small = new Mat();
            resize(gray, small, new Size((int) Math.round(gray.cols() * scale), (int) Math.round(gray.rows() * scale)),
                    0, 0, INTER_AREA);
        }
        List<PlateRegion> all = new ArrayList<>();
        for (RegionProposer p : proposers) {
            all.addAll(p.propose(small));
        }
        List<PlateRegion> merged = merge(all);
        List<PlateRegion> out = new ArrayList<>();
        for (PlateRegion r : merged.subList(0, Math.min(maxRegions, merged.size()))) {
            out.add(new PlateRegion(r.quad().scaled(1 / scale), r.score(), r.source()));
        }
        return out;
    }

    /** Non-maximum suppression; a region confirmed by another proposer gains score. */
    static List<PlateRegion> merge(List<PlateRegion> regions) {
        List<PlateRegion> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingDouble(PlateRegion::score).reversed());
        List<PlateRegion> kept = new ArrayList<>();
        for (PlateRegion r : sorted) {
            boolean absorbed = false;
            for (int i = 0; i < kept.size(); i++) {
                PlateRegion k = kept.get(i);
                if (k.quad().boundingBox().iou(r.quad().boundingBox()) > 0.3) {
                    if (!k.source().contains(r.source())) {
                        kept.set(i, k.withScore(Math.min(1, k.score() + 0.5 * r.score()), k.source() + "+" + r.source()));
                    }
                    absorbed = true;
                    break;
                }
            }
            if (!absorbed) {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparingDouble(PlateRegion::score).reversed());
        return kept;
    }
}
