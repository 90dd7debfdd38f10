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
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().workerThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().maxPixels(0).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().plateHeight(10).build());
        assertThrows(IllegalArgumentException.class, () -> RecognizerConfig.builder().minConfidence(1.5).build());
        assertThrows(NullPointerException.class, () -> RecognizerConfig.builder().region(null).build());
        assertEquals(Region.BR, Region.parse("BR"));
        assertThrows(IllegalArgumentException.class, () -> Region.parse("xx"));
    }
}
