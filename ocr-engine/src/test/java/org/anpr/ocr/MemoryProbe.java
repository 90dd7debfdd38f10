package org.anpr.ocr;

import org.anpr.ocr.TestScenes.PlateSpec;
import org.bytedeco.javacpp.Pointer;

/**
 * Runs many recognitions and prints memory figures; started in its own JVM by
 * {@link MemoryStabilityTest} with a fixed, pre-touched heap so that the process's resident size
 * only moves with native memory.
 * Output: one line {@code warm <rss> <tracked> <heap>} after the warm-up, one {@code end ...}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        byte[] frame = TestScenes.encode(TestScenes.scene(240, 120, new PlateSpec("AB123CD", 60, 50, 120, 0, true)), "png");
        byte[] junk = "not an image".getBytes();
        try (PlateRecognizer r = new PlateRecognizer(RecognizerConfig.builder().workerThreads(1).build())) {
            System.out.println("read " + r.recognize(frame).best().map(PlateCandidate::text).orElse("-"));
            for (int i = 0; i < warmup; i++) {
                r.recognize(frame);
            }
            print("warm");
            for (int i = 0; i < runs; i++) {
                if (i % 10 == 0) {
                    try {
                        r.recognize(junk);
                    } catch (ImageRejectedException expected) {
                        // rejected inputs must not leak either
                    }
                }
                r.recognize(frame);
            }
            print("end");
        }
    }

    private static void print(String label) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println(label + " " + Pointer.physicalBytes() + " " + Pointer.totalBytes() + " "
                + (rt.totalMemory() - rt.freeMemory()));
    }
}
