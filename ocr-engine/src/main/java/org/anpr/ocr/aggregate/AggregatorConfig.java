package org.anpr.ocr.aggregate;

/**
 * Tuning of {@link ReadAggregator}.
 *
 * @param idleGapMillis    a passage is emitted once no frame matched it for this long; default 1500
 * @param maxPassageMillis a passage longer than this is closed and a new one starts (the time
 *                         window); default 15000
 * @param maxTextDistance  edit distance up to which a read joins a passage; default 2
 * @param maxCenterJump    largest move of the plate centre between matched frames, pixels;
 *                         0 disables the check; default 0
 * @param minConfidence    candidates below this are ignored; default 0.2
 * @param sceneCut         a frame whose thumbnail differs from the lane's previous one by more than this
 *                         (mean absolute grey difference, 0..255) is a cut to another scene: the lane's
 *                         open passages end there, so that look-alike plates of two photographs are not
 *                         merged; 0 disables; default 40
 */
public record AggregatorConfig(long idleGapMillis, long maxPassageMillis, int maxTextDistance, double maxCenterJump,
                               double minConfidence, double sceneCut) {
    public static final double DEFAULT_SCENE_CUT = 40;

    /** Without scene-cut detection. */
    public AggregatorConfig(long idleGapMillis, long maxPassageMillis, int maxTextDistance, double maxCenterJump, double minConfidence) {
        this(idleGapMillis, maxPassageMillis, maxTextDistance, maxCenterJump, minConfidence, 0);
    }

    public AggregatorConfig {
        if (idleGapMillis <= 0 || maxPassageMillis < idleGapMillis || maxTextDistance < 0 || maxCenterJump < 0
                || minConfidence < 0 || minConfidence > 1 || sceneCut < 0) {
            throw new IllegalArgumentException("invalid aggregator config: " + idleGapMillis + "/" + maxPassageMillis
                    + "/" + maxTextDistance + "/" + maxCenterJump + "/" + minConfidence);
        }
    }

    public static AggregatorConfig defaults() {
        return new AggregatorConfig(1500, 15000, 2, 0, 0.2, DEFAULT_SCENE_CUT);
    }
}
