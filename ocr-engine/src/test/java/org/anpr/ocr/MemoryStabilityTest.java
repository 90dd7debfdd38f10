package org.anpr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many recognitions must not grow native or heap memory: every Mat is released per frame (no
 * reliance on the GC) and the Tesseract handles are reused. The recognitions run in a child JVM
 * ({@link MemoryProbe}) with a fixed, pre-touched heap, so that heap resizing and other tests'
 * garbage cannot hide or fake a native leak.
 */
class MemoryStabilityTest {
    private static final int WARMUP = 100;
    private static final int RUNS = 500;

    @Test
    void nativeAndHeapMemoryStayFlatOverManyRecognitions() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xms128m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName(), "" + WARMUP, "" + RUNS).redirectErrorStream(true).start();
        Map<String, long[]> figures = new HashMap<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line).append('\n');
                String[] f = line.trim().split(" ");
                if (f.length == 4 && (f[0].equals("warm") || f[0].equals("end"))) {
                    figures.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
                }
            }
        }
        assertTrue(p.waitFor(80, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), log.toString());
        assertTrue(log.toString().contains("read AB123CD"), log.toString());
        long[] warm = figures.get("warm"), end = figures.get("end");
        // JavaCPP-tracked native memory returns to where it was: nothing waits for the GC.
        assertTrue(end[1] - warm[1] <= 64 * 1024, "Pointer.totalBytes grew by " + (end[1] - warm[1]));
        // Resident size (heap fixed and pre-touched): a leak of one plate-size image (~20 KB) per
        // frame would add 10 MB over these runs.
        long rss = end[0] - warm[0];
        assertTrue(rss < 8L << 20, "Pointer.physicalBytes grew by " + (rss >> 10) + " KiB\n" + log);
        assertTrue(end[2] - warm[2] < 8L << 20, "heap grew by " + ((end[2] - warm[2]) >> 10) + " KiB");
    }
}
