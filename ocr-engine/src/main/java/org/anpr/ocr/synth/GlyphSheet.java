package org.anpr.ocr.synth;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A national plate font taken from a Tesseract training sheet of real plate glyphs (a {@code .tif}
 * page and its {@code .box} file: {@code CHAR x1 y1 x2 y2 page} per glyph, y from the page's bottom),
 * as in {@code shared/datasets/openalpr-train/glyph-sheets}. Each glyph becomes an outline made of
 * its dark pixel runs, in units of its height (a plate character is cap height), so {@link PlateRenderer} can lay it out
 * like a font glyph; with 30-50 instances per character the renderer sees the font's real variation.
 * The bitmaps are small (about 45 px high): the camera model's downscale hides the steps.
 *
 * @param name    the sheet's font name ({@code germany}, {@code uk}, ...)
 * @param country the country whose plates use the font, or null when the project has no syntax for it
 */
public record GlyphSheet(String name, String country, Map<Character, List<Glyph>> glyphs) {

    /** One glyph instance: outline with its left edge at 0, baseline at 0 (y up is negative), cap height 1. */
    public record Glyph(Shape outline, double width) {
    }

    /** Sheet font names as the OpenALPR files spell them, and the country each one is for. */
    private static final Map<String, String> COUNTRIES = Map.of("belgium", "BE", "germany", "DE", "netherlands", "NL",
            "uk", "GB", "france", "FR", "brazil", "BR");

    /** True when the sheet has at least one glyph for every character of {@code text}. */
    public boolean covers(String text) {
        return text.chars().allMatch(c -> glyphs.containsKey((char) c));
    }

    /** A random instance of {@code c}. */
    public Glyph pick(char c, Random rnd) {
        List<Glyph> all = glyphs.get(c);
        if (all == null) {
            throw new IllegalArgumentException("glyph sheet " + name + " has no '" + c + "'");
        }
        return all.get(rnd.nextInt(all.size()));
    }

    /** Every {@code *.box} with its {@code .tif} under {@code root} (any depth), sorted by path. */
    public static List<GlyphSheet> loadAll(Path root) throws IOException {
        List<Path> boxes;
        try (Stream<Path> files = Files.walk(root)) {
            boxes = files.filter(p -> p.getFileName().toString().endsWith(".box")).sorted().toList();
        }
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException(root + ": no glyph sheets (.box + .tif) found");
        }
        List<GlyphSheet> out = new ArrayList<>();
        for (Path box : boxes) {
            out.add(load(box));
        }
        return out;
    }

    /** One sheet: {@code X.box} and {@code X.tif} beside it; a malformed line is an error naming it. */
    public static GlyphSheet load(Path box) throws IOException {
        String file = box.getFileName().toString();
        Path tif = box.resolveSibling(file.substring(0, file.length() - 4) + ".tif");
        BufferedImage page = ImageIO.read(tif.toFile());
        if (page == null) {
            throw new IllegalArgumentException(tif + ": not a readable image");
        }
        String[] parts = file.split("\\.");
        String name = parts.length >= 3 ? parts[1] : file;
        List<String> lines = Files.readAllLines(box, StandardCharsets.UTF_8);
        Map<Character, List<Glyph>> glyphs = new HashMap<>();
        for (int l = 0; l < lines.size(); l++) {
            String[] f = lines.get(l).trim().split("\\s+");
            if (f.length < 5 || f[0].length() != 1) {
                throw new IllegalArgumentException(box + " line " + (l + 1) + ": expected CHAR x1 y1 x2 y2 page, got '"
                        + lines.get(l) + "'");
            }
            char c = f[0].charAt(0); // lower case (some sheets have it) is not a plate character
            int x1, y1, x2, y2;
            try {
                x1 = Integer.parseInt(f[1]);
                y1 = Integer.parseInt(f[2]);
                x2 = Integer.parseInt(f[3]);
                y2 = Integer.parseInt(f[4]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(box + " line " + (l + 1) + ": a coordinate is not a whole number in '"
                        + lines.get(l) + "'");
            }
            if ((c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && x2 > x1 && y2 > y1 && x1 >= 0 && y1 >= 0
                    && x2 <= page.getWidth() && y2 <= page.getHeight()) {
                int[] b = {x1, page.getHeight() - y2, x2 - x1, y2 - y1};
                // plate characters are all cap height; sheets mix glyphs cut at several scales
                glyphs.computeIfAbsent(c, k -> new ArrayList<>()).add(glyph(page, b, b[3]));
            }
        }
        if (glyphs.isEmpty()) {
            throw new IllegalArgumentException(box + ": no usable glyph boxes");
        }
        glyphs.replaceAll((k, v) -> List.copyOf(v));
        return new GlyphSheet(name, COUNTRIES.get(name), Map.copyOf(glyphs));
    }

    /** The box's dark pixels as horizontal run rectangles, scaled so the box is 1 high. */
    private static Glyph glyph(BufferedImage page, int[] b, double cap) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        int[] row = new int[b[2]];
        for (int y = 0; y < b[3]; y++) {
            page.getRaster().getSamples(b[0], b[1] + y, b[2], 1, 0, row);
            int x = 0;
            while (x < b[2]) {
                if (!dark(page, row[x])) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < b[2] && dark(page, row[x])) {
                    x++;
                }
                path.append(new java.awt.Rectangle(start, y - b[3], x - start, 1), false);
            }
        }
        Shape outline = AffineTransform.getScaleInstance(1 / cap, 1 / cap).createTransformedShape(path);
        return new Glyph(outline, b[2] / cap);
    }

    /** Sheets are black glyphs on white, 1-bit or 8-bit. */
    private static boolean dark(BufferedImage page, int sample) {
        return page.getColorModel().getPixelSize() == 1 ? sample == 0 : sample < 128;
    }

    @Override
    public String toString() {
        return "GlyphSheet[" + name + ", " + glyphs.size() + " characters, "
                + glyphs.values().stream().mapToInt(List::size).sum() + " glyphs]";
    }
}
