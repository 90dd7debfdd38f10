package org.anpr.edge.capture.synthetic;

import java.util.Objects;
import org.anpr.edge.capture.Pacing;
import org.anpr.ocr.synth.SceneSpec;

/**
 * Synthetic traffic: one vehicle at a time drives through the picture for
 * {@code framesPerVehicle} frames, followed by {@code gapFrames} frames of empty road. The rate is
 * {@code fps / (framesPerVehicle + gapFrames)} vehicles per second.
 *
 * @param cameraId         camera id of the frames (required)
 * @param scene            look of every frame (size, region, country, perspective, noise, JPEG
 *                         quality; its vehicle count is ignored, its seed is the traffic's seed);
 *                         default {@code SceneSpec.builder().build()}: EU, 1280×720
 * @param fps              frames per second; default 25, 1..500
 * @param framesPerVehicle frames showing each vehicle; default 6, 1..100
 * @param gapFrames        empty-road frames after each vehicle; default 2, 0..1000
 * @param vehicles         vehicles before the source ends; 0 = endless; default 0
 * @param pixelsPerFrame   how far the vehicle moves down the picture per frame; default 6, 0..100
 * @param pacing           {@link Pacing#REALTIME} (default): frames at {@code fps}, stamped by the
 *                         device clock like a camera; {@link Pacing#AS_FAST_AS_POSSIBLE}: frames as
 *                         fast as taken, stamped {@code start + n / fps} (virtual time)
 */
public record SyntheticTrafficConfig(String cameraId, SceneSpec scene, double fps, int framesPerVehicle, int gapFrames,
                                     int vehicles, int pixelsPerFrame, Pacing pacing) {

    public SyntheticTrafficConfig {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("cameraId: required");
        }
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(pacing, "pacing");
        range(fps, 1, 500, "fps");
        range(framesPerVehicle, 1, 100, "framesPerVehicle");
        range(gapFrames, 0, 1000, "gapFrames");
        range(vehicles, 0, Integer.MAX_VALUE, "vehicles");
        range(pixelsPerFrame, 0, 100, "pixelsPerFrame");
    }

    public static SyntheticTrafficConfig defaults(String cameraId) {
        return new SyntheticTrafficConfig(cameraId, SceneSpec.builder().build(), 25, 6, 2, 0, 6, Pacing.REALTIME);
    }

    public SyntheticTrafficConfig withScene(SceneSpec s) {
        return new SyntheticTrafficConfig(cameraId, s, fps, framesPerVehicle, gapFrames, vehicles, pixelsPerFrame, pacing);
    }

    public SyntheticTrafficConfig withRate(double f, int perVehicle, int gap) {
        return new SyntheticTrafficConfig(cameraId, scene, f, perVehicle, gap, vehicles, pixelsPerFrame, pacing);
    }

    public SyntheticTrafficConfig withVehicles(int n) {
        return new SyntheticTrafficConfig(cameraId, scene, fps, framesPerVehicle, gapFrames, n, pixelsPerFrame, pacing);
    }

    public SyntheticTrafficConfig withPacing(Pacing p) {
        return new SyntheticTrafficConfig(cameraId, scene, fps, framesPerVehicle, gapFrames, vehicles, pixelsPerFrame, p);
    }

    /** Vehicles per second. */
    public double vehicleRate() {
        return fps / (framesPerVehicle + gapFrames);
    }

    private static void range(double v, double lo, double hi, String field) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + ": " + v + " is outside " + lo + ".." + hi);
        }
    }
}
