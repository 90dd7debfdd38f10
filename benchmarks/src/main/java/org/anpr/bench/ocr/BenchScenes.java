package org.anpr.bench.ocr;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;

/** Synthetic gantry frames for the OCR benchmarks, rendered in {@code @Setup} (never measured). */
final class BenchScenes {
    /** Frames cycled per benchmark, so one lucky or unlucky scene does not set the figure. */
    static final int FRAMES = 4;
    static final long SEED = 2026;

    private BenchScenes() {
    }

    /** {@code "1920x1080"} → {@code {1920, 1080}}. */
    static int[] size(String wxh) {
        String[] p = wxh.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /**
     * {@link #FRAMES} EU day scenes of the given size, one vehicle each, the generator's defaults
     * otherwise (perspective 0.3, noise 2, JPEG 90), seeds {@link #SEED}, {@link #SEED}+1, ...
     */
    static List<Scene> render(String wxh) {
        int[] wh = size(wxh);
        SceneGenerator generator = new SceneGenerator();
        List<Scene> out = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            out.add(generator.render(SceneSpec.builder().size(wh[0], wh[1]).vehicles(1).seed(SEED + i).build()));
        }
        return out;
    }
}
