package org.anpr.edge.frames;

/**
 * Which images go with a passage read.
 *
 * @param cropQuality       JPEG quality of the plate crop; default 90, 10..100
 * @param cropMargin        margin around the plate's box, as a fraction of its size; default 0.15, 0..1
 * @param cropMaxWidth      wider crops are scaled down to this width; default 480 px, 32..4096
 * @param overview          also keep a JPEG of the frame (the overview image); default false
 * @param overviewQuality   JPEG quality of the overview; default 70, 10..100
 * @param overviewMaxWidth  wider frames are scaled down to this width; default 1280 px, 160..8192
 * @param maxOverviews      overviews held for passages still open; beyond it the oldest frame's
 *                          overview is given up (its read goes out without one); default 64, 1..10000
 */
public record EvidenceConfig(int cropQuality, double cropMargin, int cropMaxWidth, boolean overview, int overviewQuality,
                             int overviewMaxWidth, int maxOverviews) {

    public EvidenceConfig {
        range(cropQuality, 10, 100, "cropQuality");
        range(cropMargin, 0, 1, "cropMargin");
        range(cropMaxWidth, 32, 4096, "cropMaxWidth");
        range(overviewQuality, 10, 100, "overviewQuality");
        range(overviewMaxWidth, 160, 8192, "overviewMaxWidth");
        range(maxOverviews, 1, 10000, "maxOverviews");
    }

    public static EvidenceConfig defaults() {
        return new EvidenceConfig(90, 0.15, 480, false, 70, 1280, 64);
    }

    public EvidenceConfig withOverview(boolean on) {
        return new EvidenceConfig(cropQuality, cropMargin, cropMaxWidth, on, overviewQuality, overviewMaxWidth, maxOverviews);
    }

    private static void range(double v, double lo, double hi, String field) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + ": " + v + " is outside " + lo + ".." + hi);
        }
    }
}
