package org.anpr.ocr.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anpr.ocr.image.Components;
import org.anpr.ocr.image.Components.Blob;
import org.anpr.ocr.image.LineFit;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds rows of character-shaped dark blobs of similar height (the text of a plate), fits a line
 * through their centres and proposes the plate rectangle around them. Robust to plates whose
 * frame is invisible, which defeats edge-based detection.
 */
final class CharGroupProposer implements RegionProposer {
    static final int MIN_CHARS = 4;
    private static final int MAX_CHARS = 10;

    @Override
    public List<PlateRegion> propose(Mat gray) {
        int minH = 7, maxH = Math.max(minH + 1, gray.rows() / 5);
        List<PlateRegion> out = new ArrayList<>();
        int block = 2 * Math.max(7, gray.cols() / 60) + 1; // about a character's height
        Mat mask = new Mat();
        adaptiveThreshold(gray, mask, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV, block, 9);
        List<Blob> chars = new ArrayList<>();
        for (Blob b : Components.of(mask)) {
            double aspect = b.w() / (double) b.h();
            double fill = b.area() / (double) (b.w() * b.h());
            if (b.h() >= minH && b.h() <= maxH && aspect >= 0.12 && aspect <= 1.1 && fill >= 0.15 && fill <= 0.95) {
                chars.add(b);
            }
        }
        chars.sort(Comparator.comparingInt(Blob::x));
        for (List<Blob> group : group(chars)) {
            PlateRegion r = toRegion(group);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Links neighbours (similar height, same line, small gap) with union-find. */
    private static List<List<Blob>> group(List<Blob> chars) {
        int n = chars.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Blob a = chars.get(i);
            for (int j = i + 1; j < n; j++) {
                Blob b = chars.get(j);
                double h = Math.max(a.h(), b.h());
                if (b.x() > a.right() + 2.0 * h) {
                    break; // sorted by x: everything further is further away
                }
                boolean similar = Math.min(a.h(), b.h()) >= 0.8 * h;
                boolean sameLine = Math.abs(a.cy() - b.cy()) < 0.35 * h;
                boolean notNested = b.x() >= a.x() + 0.3 * a.w();
                if (similar && sameLine && notNested) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        java.util.Map<Integer, List<Blob>> groups = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(chars.get(i));
        }
        List<List<Blob>> out = new ArrayList<>();
        for (List<Blob> g : groups.values()) {
            if (g.size() >= MIN_CHARS && g.size() <= 3 * MAX_CHARS) {
                out.add(g);
            }
        }
        return out;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    /** Fits the text line and widens it to the expected plate outline. */
    private static PlateRegion toRegion(List<Blob> g) {
        int n = g.size();
        double[] hs = g.stream().mapToDouble(Blob::h).sorted().toArray();
        double medH = hs[n / 2];
        double[] xs = g.stream().mapToDouble(Blob::cx).toArray();
        double[] ys = g.stream().mapToDouble(Blob::cy).toArray();
        double slope = LineFit.slope(xs, ys);
        double angle = Math.atan(slope);
        if (Math.abs(angle) > Math.toRadians(25)) {
            return null;
        }
        double minX = g.stream().mapToDouble(Blob::x).min().orElse(0);
        double maxX = g.stream().mapToDouble(Blob::right).max().orElse(0);
        double textW = (maxX - minX) / Math.cos(angle);
        if (textW < 1.5 * medH || textW > 12 * medH) {
            return null;
        }
        double mx = java.util.Arrays.stream(xs).average().orElse(0), my = java.util.Arrays.stream(ys).average().orElse(0);
        double cx = (minX + maxX) / 2;
        double cy = my + slope * (cx - mx);
        // A plate is about 1.6 character heights tall; the margin beside the text also catches a
        // first or last character the grouping missed (later stages drop what is not text).
        double plateH = 1.6 * medH, plateW = Math.max(textW + 1.6 * medH, 3.0 * plateH);
        double var = 0;
        for (double h : hs) {
            var += (h - medH) * (h - medH);
        }
        double cv = Math.sqrt(var / n) / medH;
        double countScore = n > MAX_CHARS ? 0.3 : Math.min(1.0, n / 6.0);
        double score = Math.max(0.05, countScore * (1 - Math.min(0.8, 2 * cv)));
        return new PlateRegion(Boxes.rotated(cx, cy, plateW, plateH, angle), score, "chars");
    }
}
