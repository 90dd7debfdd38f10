package org.anpr.ocr.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A glyph sheet made here (a 1-bit TIFF page and its box file), the way the OpenALPR sheets are laid out. */
class GlyphSheetTest {
    private static final String CHARS = "AB1AB1";

    /** Draws {@link #CHARS} black on white, 40 px high, and writes their boxes (y from the bottom) plus a lower-case box. */
    private static Path sheet(Path dir, String name) throws IOException {
        BufferedImage page = new BufferedImage(400, 100, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 100);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 52));
        List<String> boxes = new ArrayList<>();
        int x = 10;
        for (char c : CHARS.toCharArray()) {
            Rectangle2D b = g.getFont().createGlyphVector(g.getFontRenderContext(), String.valueOf(c))
                    .getPixelBounds(g.getFontRenderContext(), x, 70);
            g.drawString(String.valueOf(c), x, 70);
            boxes.add(c + " " + (int) b.getMinX() + " " + (100 - (int) b.getMaxY()) + " " + (int) b.getMaxX() + " "
                    + (100 - (int) b.getMinY()) + " 0");
            x += 60;
        }
        g.dispose();
        boxes.add("x 370 30 390 60 0");
        ImageIO.write(page, "tif", dir.resolve("lxx." + name + ".exp0.tif").toFile());
        Path box = dir.resolve("lxx." + name + ".exp0.box");
        Files.write(box, boxes);
        return box;
    }

    @Test
    void loadsGlyphsAsUnitHighOutlinesAndSkipsLowerCase(@TempDir Path dir) throws IOException {
        GlyphSheet s = GlyphSheet.load(sheet(dir, "germany"));
        assertEquals("germany", s.name());
        assertEquals("DE", s.country());
        assertEquals(3, s.glyphs().size(), "A, B and 1; the lower-case x is not a plate character");
        assertEquals(2, s.glyphs().get('A').size());
        assertTrue(s.covers("BA11"));
        assertFalse(s.covers("AX"));
        for (List<GlyphSheet.Glyph> instances : s.glyphs().values()) {
            for (GlyphSheet.Glyph glyph : instances) {
                Rectangle2D b = glyph.outline().getBounds2D();
                assertEquals(1.0, b.getHeight(), 0.1, "box height is the unit");
                assertEquals(-1.0, b.getMinY(), 0.1, "baseline at 0, drawn upwards");
                assertTrue(glyph.width() > 0.2 && glyph.width() < 1.2, "width " + glyph.width());
                double ink = inkShare(glyph);
                assertTrue(ink > 0.2 && ink < 0.8, "the outline is the black strokes, not the white box: " + ink);
            }
        }
        assertTrue(s.pick('1', new Random(1)).width() < s.pick('B', new Random(1)).width(), "a 1 is narrower than a B");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> s.pick('Q', new Random(1)));
        assertTrue(missing.getMessage().contains("germany has no 'Q'"), missing.getMessage());
    }

    @Test
    void malformedBoxLineIsNamed(@TempDir Path dir) throws IOException {
        Path box = sheet(dir, "uk");
        Files.writeString(box, Files.readString(box) + "AB 1 2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlyphSheet.load(box));
        assertTrue(e.getMessage().contains(box + " line 8"), e.getMessage());
        Files.writeString(box, Files.readString(box).replace("AB 1 2\n", "A 1 2 x 4 0\n"));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> GlyphSheet.load(box));
        assertTrue(nan.getMessage().contains(box + " line 8: a coordinate is not a whole number"), nan.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> GlyphSheet.loadAll(Files.createDirectory(dir.resolve("empty"))));
        assertTrue(none.getMessage().contains("no glyph sheets"), none.getMessage());
    }

    @Test
    void platesDrawnFromASheetAreReproducibleAndWithoutSheetsNothingChanges(@TempDir Path dir) throws IOException {
        List<GlyphSheet> sheets = GlyphSheet.loadAll(sheetDir(dir));
        LineSampleGenerator withSheets = new LineSampleGenerator(0.5, sheets);
        assertArrayEquals(pixels(withSheets.next(new Random(7)).image()), pixels(withSheets.next(new Random(7)).image()));
        // the empty-sheet generator draws exactly the samples of the font-only one (old training sets stay valid)
        assertArrayEquals(pixels(new LineSampleGenerator(0.5).next(new Random(9)).image()),
                pixels(new LineSampleGenerator(0.5, List.of()).next(new Random(9)).image()));
        // and a plate in sheet glyphs has ink where the characters go
        GlyphSheet s = sheets.get(0);
        PlateText text = new PlateText("AB11", "AB 11", "DE");
        BufferedImage plate = PlateRenderer.render(text, PlateStyle.of("DE", new Random(3)), PlateFonts.pick(new Random(3)),
                s, 60, new Random(3));
        assertTrue(darkShare(plate) > 0.05, "characters drawn: " + darkShare(plate));
        BufferedImage inFont = PlateRenderer.render(text, PlateStyle.of("DE", new Random(3)), PlateFonts.pick(new Random(3)),
                null, 60, new Random(3));
        assertFalse(java.util.Arrays.equals(pixels(plate), pixels(inFont)), "the sheet's glyphs, not the font's");
    }

    private static Path sheetDir(Path dir) throws IOException {
        Path d = Files.createDirectories(dir.resolve("sheets"));
        sheet(d, "germany");
        return d;
    }

    /** Share of the glyph's box its outline fills, rasterised at 100 px high. */
    private static double inkShare(GlyphSheet.Glyph glyph) {
        int w = (int) Math.ceil(glyph.width() * 100);
        BufferedImage img = new BufferedImage(w, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(java.awt.geom.AffineTransform.getTranslateInstance(0, 100).createTransformedShape(
                java.awt.geom.AffineTransform.getScaleInstance(100, 100).createTransformedShape(glyph.outline())));
        g.dispose();
        int on = 0;
        for (byte b : ((DataBufferByte) img.getRaster().getDataBuffer()).getData()) {
            on += b != 0 ? 1 : 0;
        }
        return on / (double) (w * 100);
    }

    private static byte[] pixels(BufferedImage img) {
        BufferedImage gray = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(img, 0, 0, null);
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    private static double darkShare(BufferedImage plate) {
        int dark = 0;
        for (int y = 0; y < plate.getHeight(); y++) {
            for (int x = 0; x < plate.getWidth(); x++) {
                int rgb = plate.getRGB(x, y);
                if ((rgb >>> 24) > 0 && ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                    dark++;
                }
            }
        }
        return dark / (double) (plate.getWidth() * plate.getHeight());
    }
}
