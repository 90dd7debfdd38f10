package org.anpr.ocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.ocr.RecognizerConfig;
import org.junit.jupiter.api.Test;

class BundledModelsTest {

    @Test
    void bundledModelIsUnpackedToAFolderTesseractCanRead() throws Exception {
        assertTrue(BundledModels.present("unit-test-fake"));
        Path dir = BundledModels.tessdata("unit-test-fake").orElseThrow();
        Path file = dir.resolve("unit-test-fake.traineddata");
        assertTrue(Files.readString(file).startsWith("not a real model"));
        assertEquals(dir, BundledModels.tessdata("unit-test-fake").orElseThrow(), "unpacked once");
        RecognizerConfig c = RecognizerConfig.builder().bundledModel("unit-test-fake").build();
        assertEquals("unit-test-fake", c.language());
        assertEquals(dir, c.tessdataPath());
    }

    @Test
    void absentModelIsReported() {
        assertFalse(BundledModels.present("no-such-model"));
        assertTrue(BundledModels.tessdata("no-such-model").isEmpty());
        assertThrows(IllegalStateException.class, () -> RecognizerConfig.builder().bundledModel("no-such-model"));
    }
}
