package org.anpr.ocr.synth;

import org.anpr.ocr.Region;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Training lines for the plate recogniser: the axis-aligned crop around one plate, as a detector or a
 * ground-truth box hands it to OCR, including the EU band, side strips, border and a bit of car body,
 * seen through a degraded camera and upscaled again. The label is the plate text without separators.
 */
public final class LineSampleGenerator {

    /** One grey line image and its label; {@code inverted}: light characters on a dark plate. */
    public record LineSample(BufferedImage image, String text, String country, boolean inverted) {
    }

    private static final List<String> EU = PlateSyntaxSample.countries(Region.EU);

    /** Share of light-on-dark plates. */
    static final double INVERTED_SHARE = 0.08;

    /** Share of plates drawn in their own country's real glyphs, when a sheet for it is loaded. */
    static final double OWN_SHEET_SHARE = 0.6;
    /** Share of the other plates drawn in some sheet's glyphs anyway: more real letter shapes. */
    static final double ANY_SHEET_SHARE = 0.25;

    private final double difficulty;
    private final List<GlyphSheet> sheets;

    /** Full-strength degradations. */
    public LineSampleGenerator() {
        this(1.0);
    }

    /**
     * @param difficulty 0 = clean, square, sharp plates; 1 = the full camera model. Training from scratch
     *                   starts easy (a curriculum), otherwise the network takes long to find the glyphs.
     */
    public LineSampleGenerator(double difficulty) {
        this(difficulty, List.of());
    }

    /**
     * @param sheets real national glyphs ({@link GlyphSheet}); a plate of a country with a sheet is drawn
     *               in it {@link #OWN_SHEET_SHARE} of the time, other plates in a random sheet
     *               {@link #ANY_SHEET_SHARE} of the time, the rest in system fonts. Empty: system fonts
     *               only, and the same samples as before sheets existed.
     */
    public LineSampleGenerator(double difficulty, List<GlyphSheet> sheets) {
        if (difficulty < 0 || difficulty > 1) {
            throw new IllegalArgumentException("difficulty in [0,1]");
        }
        this.difficulty = difficulty;
        this.sheets = List.copyOf(sheets);
    }

    /** A sample; the same {@code rnd} state gives the same sample. */
    public LineSample next(Random rnd) {
        double r = rnd.nextDouble();
        String country = r < 0.06 ? "BR" : r < 0.12 ? "US" : EU.get(rnd.nextInt(EU.size()));
        PlateText text = PlateSyntaxSample.next(country, rnd, 0.3);
        int ph = 50 + rnd.nextInt(70);
        PlateStyle style = PlateStyle.of(country, rnd);
        boolean inverted = rnd.nextDouble() < INVERTED_SHARE;
        BufferedImage plate = PlateRenderer.render(text, inverted ? style.inverted() : style, PlateFonts.pick(rnd),
                sheet(country, text.text(), rnd), ph, rnd);
        int pw = plate.getWidth();
        try (Scalar body = VehiclePainter.bodyColour(rnd); Mat canvas = new Mat(ph * 3, pw + 2 * ph, CV_8UC3, body)) {
            VehiclePainter.texture(canvas, rnd);
            double[][] quad = jitteredQuad(canvas.cols() / 2.0, canvas.rows() / 2.0, pw, ph, difficulty, rnd);
            PlateWarp.paste(canvas, plate, quad[0], quad[1]);
            try (Rect box = cropBox(quad, ph, canvas.cols(), canvas.rows(), difficulty, rnd);
                 Mat crop = new Mat(canvas, box).clone()) {
                return new LineSample(degrade(crop, difficulty, rnd), text.text(), country, inverted);
            }
        }
    }

    /** The sheet to draw this plate's characters from, or null for a system font. */
    private GlyphSheet sheet(String country, String text, Random rnd) {
        if (sheets.isEmpty()) {
            return null; // no draw: the sample stream stays that of the font-only generator
        }
        GlyphSheet own = sheets.stream().filter(s -> country.equals(s.country())).findFirst().orElse(null);
        GlyphSheet pick = own != null && rnd.nextDouble() < OWN_SHEET_SHARE ? own
                : rnd.nextDouble() < ANY_SHEET_SHARE ? sheets.get(rnd.nextInt(sheets.size())) : null;
        return pick != null && pick.covers(text) ? pick : null;
    }

    /**
     * The plate's corners (xs, ys; TL, TR, BR, BL) after a random rotation, shear and yaw, as a camera over
     * a lane sees it; {@code amount} 1 gives about 2.5 degrees of rotation (one standard deviation).
     */
    static double[][] jitteredQuad(double cx, double cy, double w, double h, double amount, Random rnd) {
        double angle = Math.toRadians(rnd.nextGaussian() * 2.5 * amount);
        double yaw = rnd.nextGaussian() * 0.05 * amount;
        double shear = rnd.nextGaussian() * 0.06 * h * amount;
        double[] xs = {-w / 2 + shear, w / 2 + shear, w / 2 - shear, -w / 2 - shear};
        double[] ys = {-h / 2 * (1 + yaw), -h / 2 * (1 - yaw), h / 2 * (1 - yaw), h / 2 * (1 + yaw)};
        double[][] q = new double[2][4];
        for (int i = 0; i < 4; i++) {
            q[0][i] = cx + xs[i] * Math.cos(angle) - ys[i] * Math.sin(angle);
            q[1][i] = cy + xs[i] * Math.sin(angle) + ys[i] * Math.cos(angle);
        }
        return q;
    }

    /** Bounding box of the quad with uneven margins from slightly inside to well outside the plate. */
    private static Rect cropBox(double[][] q, int ph, int cols, int rows, double d, Random rnd) {
        double x0 = min(q[0]) - ph * (0.02 + d * (-0.06 + rnd.nextDouble() * 0.2));
        double x1 = max(q[0]) + ph * (0.02 + d * (-0.06 + rnd.nextDouble() * 0.2));
        double y0 = min(q[1]) - ph * (0.02 + d * (-0.06 + rnd.nextDouble() * 0.2));
        double y1 = max(q[1]) + ph * (0.02 + d * (-0.06 + rnd.nextDouble() * 0.2));
        int ix = (int) Math.max(0, x0);
        int iy = (int) Math.max(0, y0);
        return new Rect(ix, iy, (int) Math.min(cols, x1) - ix, (int) Math.min(rows, y1) - iy);
    }

    /** Optics and motion at full size, sensor resolution of 12-50 px plate height, noise, JPEG, upscale. */
    private static BufferedImage degrade(Mat crop, double d, Random rnd) {
        if (rnd.nextDouble() < 0.25 * d) {
            Degrade.monochrome(crop);
            Degrade.tone(crop, 1.2 + rnd.nextDouble() * 0.8, -40 - rnd.nextDouble() * 60, 0.8 + rnd.nextDouble());
        } else {
            Degrade.tone(crop, 1 + d * (rnd.nextDouble() * 0.6 - 0.4), d * rnd.nextGaussian() * 25,
                    1 + d * (rnd.nextDouble() * 0.7 - 0.3));
        }
        Degrade.gaussianBlur(crop, d * rnd.nextDouble() * 1.5);
        Degrade.motionBlur(crop, rnd.nextDouble() < 0.3 * d ? rnd.nextDouble() * 6 : 0, rnd.nextGaussian() * 10);
        int lowH = (int) Math.round(60 - d * (48 - rnd.nextInt(40)));
        int finalH = 40 + rnd.nextInt(41);
        try (Mat small = new Mat(); Mat big = new Mat(); Mat gray = new Mat();
             Size s1 = new Size(Math.max(8, crop.cols() * lowH / crop.rows()), lowH);
             Size s2 = new Size(Math.max(8, crop.cols() * finalH / crop.rows()), finalH)) {
            resize(crop, small, s1, 0, 0, INTER_AREA);
            Degrade.noise(small, d * rnd.nextDouble() * 10, rnd.nextLong());
            Degrade.jpeg(small, 95 - (int) (d * rnd.nextInt(66)));
            resize(small, big, s2, 0, 0, rnd.nextBoolean() ? INTER_CUBIC : INTER_LINEAR);
            cvtColor(big, gray, COLOR_BGR2GRAY);
            return Images.toImage(gray);
        }
    }

    private static double min(double[] v) {
        double m = v[0];
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
