package org.anpr.ocr.synth;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.tesseract.TessBaseAPI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled plate-tuned Tesseract model loads and reads synthetic plate lines it has not seen. */
class PlateModelTest {

    @Test
    void bundledModelReadsSyntheticPlateLines(@TempDir Path tessdata) throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("org/anpr/ocr/model/anpr_plate.traineddata")) {
            assertNotNull(in, "model is bundled");
            Files.copy(in, tessdata.resolve("anpr_plate.traineddata"));
        }
        int exact = 0;
        int n = 30;
        try (TessBaseAPI api = new TessBaseAPI()) {
            assertEquals(0, api.Init(tessdata.toString(), "anpr_plate"));
            api.SetPageSegMode(13); // raw line: the model was trained on whole plate crops
            LineSampleGenerator gen = new LineSampleGenerator(0.3);
            Random rnd = new Random(424242);
            for (int i = 0; i < n; i++) {
                LineSampleGenerator.LineSample s = gen.next(rnd);
                try (Mat bgr = Images.toBgr(s.image()); Mat gray = new Mat()) {
                    cvtColor(bgr, gray, COLOR_BGR2GRAY);
                    api.SetImage(gray.data(), gray.cols(), gray.rows(), 1, (int) gray.step());
                    try (BytePointer text = api.GetUTF8Text()) {
                        String read = text.getString().replaceAll("[^A-Z0-9]", "");
                        exact += read.equals(s.text()) ? 1 : 0;
                    }
                }
            }
            api.End();
        }
        assertTrue(exact >= n * 0.6, "exact reads " + exact + "/" + n);
    }
}
