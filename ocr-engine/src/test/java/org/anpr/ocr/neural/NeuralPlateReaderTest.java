package org.anpr.ocr.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files that OpenCV DNN cannot use give clear errors. (No model is bundled yet: see training/README.md.) */
class NeuralPlateReaderTest {

    @Test
    void aBrokenModelFileIsAClearError(@TempDir Path dir) throws IOException {
        Path onnx = Files.write(dir.resolve("broken.onnx"), "not a network".getBytes());
        IllegalArgumentException noAlphabet = assertThrows(IllegalArgumentException.class, () -> PlateReaderModel.load(onnx));
        assertTrue(noAlphabet.getMessage().contains("broken.alphabet is missing"), noAlphabet.getMessage());
        Files.writeString(dir.resolve("broken.alphabet"), "0123456789\n");
        PlateReaderModel model = PlateReaderModel.load(onnx);
        assertEquals("0123456789", model.alphabet());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NeuralPlateReader(model));
        assertTrue(e.getMessage().contains("could not load the plate reader model " + onnx), e.getMessage());
        Files.writeString(dir.resolve("broken.alphabet"), "0120\n");
        assertThrows(IllegalArgumentException.class, () -> PlateReaderModel.load(onnx), "repeated symbols");
    }
}
