package org.anpr.ocr.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Draws a flat, front-view plate with Java2D; the result has an alpha channel (rounded corners). */
public final class PlateRenderer {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private PlateRenderer() {
    }

    /**
     * @param height plate height in pixels; the width follows from the style's aspect ratio
     * @return a {@link BufferedImage#TYPE_4BYTE_ABGR} image of exactly the plate
     */
    public static BufferedImage render(PlateText text, PlateStyle style, Font font, int height, Random rnd) {
        return render(text, style, font, null, height, rnd);
    }

    /**
     * As {@link #render(PlateText, PlateStyle, Font, int, Random)}, the characters drawn from a sheet of
     * real national glyphs when {@code sheet} is not null (it must cover the text); captions still use
     * {@code font}.
     */
    public static BufferedImage render(PlateText text, PlateStyle style, Font font, GlyphSheet sheet, int height,
                                       Random rnd) {
        int w = (int) Math.round(height * style.aspect());
        int h = height;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            RoundRectangle2D outline = new RoundRectangle2D.Double(0, 0, w, h, h * 0.15, h * 0.15);
            g.setColor(jitter(style.background(), rnd, 12));
            g.fill(outline);
            g.setClip(outline);
            double left = h * 0.06;
            double right = w - h * 0.06;
            double top = h * 0.06;
            if (style.bandCode() != null) {
                left = drawEuBand(g, style.bandCode(), h, rnd) + h * 0.05;
            }
            if (style.rightStrip()) {
                right = drawRightStrip(g, w, h, rnd) - h * 0.05;
            }
            if (style.topStrip()) {
                top = drawTopStrip(g, w, h);
            }
            double bottom = h * 0.94;
            if (style.caption() != null) {
                drawCaption(g, style, font, w, h);
                top = h * 0.30;
                bottom = h * 0.90;
            }
            drawCharacters(g, text.display(), font, sheet, style, left, right, top, bottom, rnd);
            if (rnd.nextDouble() < 0.75) {
                g.setClip(null);
                float bw = (float) (h * (0.015 + rnd.nextDouble() * 0.03));
                g.setStroke(new BasicStroke(bw));
                g.setColor(style.ink());
                g.draw(new RoundRectangle2D.Double(bw, bw, w - 2 * bw, h - 2 * bw, h * 0.12, h * 0.12));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Fits the characters into the box: cap height ~75% of it, width squeezed when needed. */
    private static void drawCharacters(Graphics2D g, String display, Font font, GlyphSheet sheet, PlateStyle style,
                                       double left, double right, double top, double bottom, Random rnd) {
        double boxH = bottom - top;
        double capTarget = boxH * (0.70 + rnd.nextDouble() * 0.12);
        Font probe = font.deriveFont(100f);
        double capAt100 = probe.createGlyphVector(FRC, "H").getVisualBounds().getHeight();
        Font f = font.deriveFont((float) (100 * capTarget / capAt100));
        // a sheet's characters have no em square: take the usual cap height / em ratio of plate fonts
        double em = sheet == null ? f.getSize2D() : capTarget / 0.72;
        double tracking = em * (rnd.nextDouble() * 0.12) + (sheet == null ? 0 : capTarget * 0.08);
        double space = em * (0.2 + rnd.nextDouble() * 0.25);

        Path2D.Double shape = new Path2D.Double();
        double x = 0;
        double emblemX = Double.NaN;
        double emblemW = em * 0.55;
        for (char c : display.toCharArray()) {
            if (style.emblem() && Double.isNaN(emblemX) && (c == ' ' || c == '-')) {
                emblemX = x + tracking;
                x += emblemW + 2 * tracking;
                continue;
            }
            if (c == ' ') {
                x += space;
                continue;
            }
            if (sheet != null && sheet.glyphs().containsKey(c)) { // separators ('-') come from the font
                GlyphSheet.Glyph glyph = sheet.pick(c, rnd);
                AffineTransform place = new AffineTransform(capTarget, 0, 0, capTarget, x, 0);
                shape.append(place.createTransformedShape(glyph.outline()), false);
                x += glyph.width() * capTarget + tracking;
                continue;
            }
            GlyphVector gv = f.createGlyphVector(FRC, String.valueOf(c));
            shape.append(gv.getOutline((float) x, 0), false);
            x += gv.getGlyphMetrics(0).getAdvance() + tracking;
        }
        Rectangle2D b = shape.getBounds2D();
        double availW = right - left;
        // squeeze wide texts, stretch narrow ones a little; national fonts differ in both directions
        double sx = Math.min(availW * (0.88 + rnd.nextDouble() * 0.1) / b.getWidth(), 1.0 + rnd.nextDouble() * 0.2);
        if (rnd.nextBoolean() && sheet == null) { // a sheet is a real national font at its real width
            // condensed national fonts (FE-Schrift, SK/CZ, old DIN): narrow M, W and 0 look unlike wide ones
            sx *= 0.65 + rnd.nextDouble() * 0.3;
        }
        double sy = 1.0;
        AffineTransform at = new AffineTransform();
        at.translate(left + (availW - b.getWidth() * sx) / 2, top + (boxH - b.getHeight()) / 2);
        at.scale(sx, sy);
        at.translate(-b.getX(), -b.getY());
        Shape placed = at.createTransformedShape(shape);
        g.setColor(style.ink());
        g.fill(placed);
        if (!Double.isNaN(emblemX)) {
            java.awt.geom.Point2D c = at.transform(new java.awt.geom.Point2D.Double(emblemX + emblemW / 2,
                    b.getCenterY()), null);
            drawEmblem(g, c.getX(), c.getY(), emblemW * sx, b.getHeight(), rnd);
        }
        double weight = sheet == null ? em * rnd.nextDouble() * 0.04 : 0; // a real glyph has its own weight
        if (weight > 0.5) {
            g.setStroke(new BasicStroke((float) weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(placed);
        }
    }

    /** A coat of arms (shield) or, half the time, two stacked round registration seals. */
    private static void drawEmblem(Graphics2D g, double cx, double cy, double w, double h, Random rnd) {
        Color[] colours = {new Color(200, 30, 40), new Color(30, 60, 160), new Color(40, 140, 60),
                new Color(230, 180, 30), new Color(180, 180, 180)};
        if (rnd.nextBoolean()) {
            double d = Math.min(w, h * 0.42);
            g.setColor(colours[rnd.nextInt(colours.length)]);
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - d / 2, cy - d * 1.05, d, d));
            g.setColor(new Color(170, 170, 160));
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - d / 2, cy + d * 0.05, d, d));
            g.setColor(colours[rnd.nextInt(colours.length)]);
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - d / 4, cy + d * 0.3, d / 2, d / 2));
        } else {
            double sw = w * 0.9;
            double sh = h * (0.35 + rnd.nextDouble() * 0.25);
            Path2D.Double shield = new Path2D.Double();
            shield.moveTo(cx - sw / 2, cy - sh / 2);
            shield.lineTo(cx + sw / 2, cy - sh / 2);
            shield.lineTo(cx + sw / 2, cy + sh * 0.1);
            shield.quadTo(cx + sw / 2, cy + sh / 2, cx, cy + sh / 2);
            shield.quadTo(cx - sw / 2, cy + sh / 2, cx - sw / 2, cy + sh * 0.1);
            shield.closePath();
            g.setColor(colours[rnd.nextInt(colours.length)]);
            g.fill(shield);
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(cx - sw * 0.08, cy - sh * 0.35, sw * 0.16, sh * 0.6));
            g.fill(new Rectangle2D.Double(cx - sw * 0.3, cy - sh * 0.15, sw * 0.6, sh * 0.12));
        }
    }

    /** The EU band: blue strip, ring of 12 yellow stars, white country letters. Returns its right edge. */
    private static double drawEuBand(Graphics2D g, String code, int h, Random rnd) {
        double bw = h * (0.40 + rnd.nextDouble() * 0.06);
        g.setColor(PlateStyle.EU_BLUE);
        g.fill(new Rectangle2D.Double(0, 0, bw, h));
        g.setColor(new Color(255, 204, 0));
        double cx = bw / 2;
        double cy = h * 0.30;
        double r = h * 0.15;
        for (int i = 0; i < 12; i++) {
            double a = Math.PI * 2 * i / 12;
            g.fill(star(cx + r * Math.cos(a), cy + r * Math.sin(a), h * 0.03));
        }
        g.setColor(Color.WHITE);
        drawCentered(g, code, new Font(Font.SANS_SERIF, Font.BOLD, 1), cx, h * 0.78,
                code.length() > 1 ? bw * 0.8 : bw * 0.45, h * 0.26);
        return bw;
    }

    /** FR/IT right strip: blue with a white emblem and two small digits. Returns its left edge. */
    private static double drawRightStrip(Graphics2D g, int w, int h, Random rnd) {
        double sw = h * 0.42;
        g.setColor(PlateStyle.EU_BLUE);
        g.fill(new Rectangle2D.Double(w - sw, 0, sw, h));
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Ellipse2D.Double(w - sw * 0.75, h * 0.12, sw * 0.5, h * 0.3));
        String digits = String.format("%02d", 1 + rnd.nextInt(95));
        drawCentered(g, digits, new Font(Font.SANS_SERIF, Font.BOLD, 1), w - sw / 2, h * 0.78, sw * 0.7, h * 0.25);
        return w - sw;
    }

    /** Mercosur: blue strip along the top with the country name. Returns its bottom edge. */
    private static double drawTopStrip(Graphics2D g, int w, int h) {
        double sh = h * 0.22;
        g.setColor(PlateStyle.EU_BLUE);
        g.fill(new Rectangle2D.Double(0, 0, w, sh));
        g.setColor(Color.WHITE);
        drawCentered(g, "BRASIL", new Font(Font.SANS_SERIF, Font.BOLD, 1), w / 2.0, sh * 0.5, w * 0.3, sh * 0.6);
        return sh + h * 0.04;
    }

    private static void drawCaption(Graphics2D g, PlateStyle style, Font font, int w, int h) {
        g.setColor(style.ink());
        Font italic = font.deriveFont(AffineTransform.getShearInstance(-0.2, 0));
        drawCentered(g, style.caption(), italic, w / 2.0, h * 0.15, w * 0.6, h * 0.16);
    }

    /** Draws {@code s} scaled to fit {@code maxW} x {@code capH}, centred on (cx, cy). */
    private static void drawCentered(Graphics2D g, String s, Font font, double cx, double cy, double maxW,
                                     double capH) {
        GlyphVector gv = font.deriveFont(100f).createGlyphVector(FRC, s);
        Rectangle2D b = gv.getVisualBounds();
        double scale = Math.min(capH / b.getHeight(), maxW / b.getWidth());
        AffineTransform at = new AffineTransform();
        at.translate(cx - b.getWidth() * scale / 2, cy - b.getHeight() * scale / 2);
        at.scale(scale, scale);
        at.translate(-b.getX(), -b.getY());
        g.fill(at.createTransformedShape(gv.getOutline()));
    }

    private static Shape star(double cx, double cy, double r) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double rr = i % 2 == 0 ? r : r * 0.4;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            if (i == 0) {
                p.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            } else {
                p.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    static Color jitter(Color c, Random rnd, int amount) {
        int d = rnd.nextInt(2 * amount + 1) - amount;
        return new Color(clamp(c.getRed() + d), clamp(c.getGreen() + d), clamp(c.getBlue() + d));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
