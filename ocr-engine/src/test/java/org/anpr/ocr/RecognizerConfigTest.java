package org.anpr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecognizerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        RecognizerConfig c = RecognizerConfig.defaults();
        assertEquals(Region.EU, c.region());
        assertEquals("eng", c.language());
        assertEquals(40_000_000L, c.maxPixels());
        assertEquals(800, c.detectionWidth());
        assertEquals(4, c.maxRegions());
        assertEquals(5, c.topN());
        assertEquals(64, c.plateHeight());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.workerThreads());
        assertEquals(RecognizerConfig.DEFAULT_READERS, c.readers());
        assertEquals(null, c.neuralModel(), "the model in the jar");
        assertEquals(c, c.toBuilder().build());
        RecognizerConfig neural = c.toBuilder().readers(PlateReaderKind.NEURAL, PlateReaderKind.GLYPHS).build();
        assertEquals(java.util.Set.of(PlateReaderKind.NEURAL, PlateReaderKind.GLYPHS), neural.readers());
        assertEquals("glyphs,neural", PlateReaderKind.codes(neural.readers()));
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().workerThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().maxPixels(0).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().plateHeight(10).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().minConfidence(1.5).build());
        assertThrows(NullPointerException.class, () -> RecognizerConfig.builder().region(null).build());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RecognizerConfig.builder().readers(java.util.Set.of()).build());
        assertEquals("invalid recognizer config: at least one reader", none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> PlateReaderKind.parseList("neural,lstm"));
        assertEquals("unknown reader 'lstm' (known: tesseract,plate,glyphs,neural)", unknown.getMessage());
        assertEquals(Region.BR, Region.parse("BR"));
        assertThrows(IllegalArgumentException.class, () -> Region.parse("xx"));
    }
}
