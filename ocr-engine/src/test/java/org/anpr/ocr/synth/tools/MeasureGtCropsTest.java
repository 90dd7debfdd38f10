package org.anpr.ocr.synth.tools;

import org.anpr.ocr.charclass.GlyphClassifier;
import org.anpr.ocr.charclass.GlyphReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasureGtCropsTest {

    @Test
    void measuresGeneratedScenesWrittenInTheDatasetLayout(@TempDir Path dir) throws Exception {
        SceneSamplesMain.main(new String[]{dir.toString(), "3", "eu", "DAY", "40"});
        long plates = Files.list(dir).filter(p -> p.toString().endsWith(".txt"))
                .mapToLong(p -> {
                    try {
                        return Files.readAllLines(p).size();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).sum();
        assertEquals(1 + 2 + 3, plates, "vehicles cycle 1, 2, 3");
        int[] wrong = MeasureGtCrops.measure(dir, m -> "NOPE", false);
        assertEquals(0, wrong[0]);
        assertEquals(6, wrong[1]);
        try (GlyphReader reader = new GlyphReader(GlyphClassifier.bundled())) {
            int[] r = MeasureGtCrops.measure(dir, m -> reader.read(m).text(), false);
            assertTrue(r[0] >= 3, "reads most synthetic plates: " + r[0] + "/" + r[1]);
        }
    }

    @Test
    void combinedKeepsTheLineReadingUnlessSureGlyphsDisagreeInLength() {
        GlyphClassifier.Guess sure = new GlyphClassifier.Guess('A', 0.99, 'B', 0.01);
        GlyphClassifier.Guess unsure = new GlyphClassifier.Guess('A', 0.6, 'B', 0.3);
        List<int[]> boxes = List.of(new int[4], new int[4], new int[4], new int[4]);
        GlyphReader.Reading confident = new GlyphReader.Reading("AAAA", List.of(sure, sure, sure, sure), boxes);
        GlyphReader.Reading hesitant = new GlyphReader.Reading("AAAA", List.of(sure, unsure, sure, sure), boxes);
        assertEquals("AAAA", MeasureGtCrops.combine("ZAAAA", confident));
        assertEquals("ZAAAA", MeasureGtCrops.combine("ZAAAA", hesitant));
        assertEquals("BAAA", MeasureGtCrops.combine("BAAA", confident), "same length: the line model decides");
    }
}
