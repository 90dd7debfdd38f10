package org.anpr.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Draws plain scenes with EU-style plates (white plate, black frame, blue band, bold condensed
 * text) at exactly the given place, size and tilt, for stage unit tests that need controlled
 * geometry. End-to-end tests use the project's realistic generator
 * ({@link org.anpr.ocr.synth.SceneGenerator}) instead.
 */
public final class TestScenes {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Where and what a plate is in a scene. */
    public record PlateSpec(String text, int x, int y, int width, double angleDeg, boolean blueBand) {
        public int height() {
            return (int) Math.round(width / 4.7);
        }

        public BoundingBox box() {
            return new BoundingBox(x, y, width, height());
        }
    }

    private TestScenes() {
    }

    /** A grey road scene with a dark car body behind each plate. */
    public static BufferedImage scene(int width, int height, PlateSpec... plates) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int y = 0; y < height; y++) {
            int v = 90 + 60 * y / height;
            g.setColor(new Color(v, v, v + 5));
            g.drawLine(0, y, width, y);
        }
        for (PlateSpec p : plates) {
            g.setColor(new Color(40, 45, 60));
            g.fillRoundRect(p.x() - p.width() / 2, p.y() - p.height() * 3, p.width() * 2, p.height() * 5, 30, 30);
            drawPlate(g, p);
        }
        g.dispose();
        return img;
    }

    private static void drawPlate(Graphics2D g, PlateSpec p) {
        int w = p.width(), h = p.height();
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(p.angleDeg()), p.x() + w / 2.0, p.y() + h / 2.0);
        g.setColor(new Color(245, 245, 240));
        g.fillRoundRect(p.x(), p.y(), w, h, h / 6, h / 6);
        int band = p.blueBand() ? (int) Math.round(0.4 * h) : 0;
        if (band > 0) {
            g.setColor(new Color(0, 51, 153));
            g.fillRect(p.x() + 2, p.y() + 2, band, h - 4);
            g.setColor(new Color(255, 204, 0));
            g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.max(6, h / 4)));
            g.drawString("D", p.x() + band / 4, p.y() + h - h / 6);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1, h / 18f)));
        g.drawRoundRect(p.x() + 1, p.y() + 1, w - 3, h - 3, h / 6, h / 6);
        Font font = new Font("DejaVu Sans Condensed", Font.BOLD, 10);
        int textH = (int) Math.round(0.68 * h);
        font = font.deriveFont((float) (textH / 0.73)); // cap height of DejaVu is ~0.73 em
        g.setFont(font);
        int textW = g.getFontMetrics().stringWidth(p.text());
        int avail = w - band - h / 3;
        double sx = Math.min(1.0, avail / (double) textW);
        AffineTransform t = g.getTransform();
        int tx = p.x() + band + (w - band - (int) (textW * sx)) / 2;
        g.translate(tx, p.y() + (h + textH) / 2.0);
        g.scale(sx, 1);
        g.drawString(p.text(), 0, 0);
        g.setTransform(t);
        g.setTransform(saved);
    }

    /** The image as an 8-bit BGR Mat (the caller's PointerScope or GC releases it). */
    public static Mat toMat(BufferedImage img) {
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Mat m = new Mat(img.getHeight(), img.getWidth(), org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        new BytePointer(m.data()).put(px);
        return m;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 640x480 scene with one straight EU plate of the given text, 180 px wide. */
    public static PlateSpec standardPlate(String text) {
        return new PlateSpec(text, 230, 300, 180, 0, true);
    }

    public static BufferedImage standardScene(String text) {
        return scene(640, 480, standardPlate(text));
    }
}
