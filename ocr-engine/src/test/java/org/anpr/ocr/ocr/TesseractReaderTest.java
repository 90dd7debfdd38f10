package org.anpr.ocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import org.anpr.ocr.RecognizerConfig;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class TesseractReaderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static Mat line(String text) {
        BufferedImage img = new BufferedImage(40 * text.length() + 40, 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        g.drawString(text, 20, 60);
        g.dispose();
        Mat m = new Mat(img.getHeight(), img.getWidth(), opencv_core.CV_8UC1);
        new BytePointer(m.data()).put(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        return m;
    }

    @Test
    void readsACleanLineWithPerSymbolChoices() {
        try (TesseractReader reader = new TesseractReader(RecognizerConfig.DEBIAN_TESSDATA, "eng");
             PointerScope s = new PointerScope()) {
            OcrLine l = reader.read(line("KX42PLT"));
            assertEquals("KX42PLT", l.text());
            for (OcrSymbol sym : l.symbols()) {
                for (OcrSymbol.Choice c : sym.choices()) {
                    assertTrue(c.p() > 0 && c.p() <= 1, "probability " + c);
                    assertTrue(TesseractReader.WHITELIST.indexOf(c.c()) >= 0, "not whitelisted: " + c);
                }
            }
            for (int i = 1; i < l.symbols().size(); i++) {
                assertTrue(l.symbols().get(i).x() >= l.symbols().get(i - 1).x(), "reading order " + l.symbols());
            }
            assertTrue(l.symbols().get(6).x() > l.symbols().get(0).x() + 100, "symbol positions " + l.symbols());
            assertEquals(0, reader.read(line("  ")).symbols().size());
            assertEquals('K', reader.readSingle(line("K")).orElseThrow().best().c());
            assertEquals("KX42PLT", reader.read(line("KX42PLT")).text(), "line mode again after a single glyph");
        }
    }

    @Test
    void bundledPlateModelReadsARawLine() {
        Path dir = BundledModels.tessdata("anpr_plate").orElseThrow();
        try (TesseractReader reader = new TesseractReader(dir, "anpr_plate",
                org.bytedeco.tesseract.global.tesseract.PSM_RAW_LINE);
             PointerScope s = new PointerScope()) {
            OcrLine l = reader.read(line("KX42PLT"));
            assertEquals("KX42PLT", l.text());
            assertTrue(l.symbols().stream().allMatch(sym -> sym.best().p() > 0), l.symbols().toString());
        }
    }

    @Test
    void missingModelFailsClearlyAndClosedReaderRefuses() {
        var e = assertThrows(IllegalStateException.class, () -> new TesseractReader(Path.of("/nonexistent"), "eng"));
        assertTrue(e.getMessage().contains("/nonexistent/eng.traineddata"), e.getMessage());
        TesseractReader reader = new TesseractReader(RecognizerConfig.DEBIAN_TESSDATA, "eng");
        reader.close();
        reader.close(); // idempotent
        try (PointerScope s = new PointerScope()) {
            assertThrows(IllegalStateException.class, () -> reader.read(line("AB")));
        }
    }
}
