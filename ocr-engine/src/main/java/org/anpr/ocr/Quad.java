package org.anpr.ocr;

import java.util.List;

/**
 * A plate's quadrilateral in frame pixels, corners in the order top-left, top-right,
 * bottom-right, bottom-left (as read, so the text runs from corner 0 towards corner 1).
 */
public record Quad(List<Point> corners) {

    /** A corner in frame pixels. */
    public record Point(double x, double y) {
    }

    public Quad {
        if (corners.size() != 4) {
            throw new IllegalArgumentException("a quad has 4 corners, got " + corners.size());
        }
        corners = List.copyOf(corners);
    }

    public static Quad of(double[] xs, double[] ys) {
        return new Quad(List.of(new Point(xs[0], ys[0]), new Point(xs[1], ys[1]),
                new Point(xs[2], ys[2]), new Point(xs[3], ys[3])));
    }

    public Point get(int i) {
        return corners.get(i);
    }

    public BoundingBox boundingBox() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : corners) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** Mean length of the top and bottom edges. */
    public double width() {
        return (dist(get(0), get(1)) + dist(get(3), get(2))) / 2;
    }

    /** Mean length of the left and right edges. */
    public double height() {
        return (dist(get(0), get(3)) + dist(get(1), get(2))) / 2;
    }

    /** This quad rotated by {@code angle} radians (clockwise on screen) about its centre. */
    public Quad rotated(double angle) {
        double cx = 0, cy = 0;
        for (Point p : corners) {
            cx += p.x() / 4;
            cy += p.y() / 4;
        }
        double c = Math.cos(angle), s = Math.sin(angle);
        double[] xs = new double[4], ys = new double[4];
        for (int i = 0; i < 4; i++) {
            double dx = get(i).x() - cx, dy = get(i).y() - cy;
            xs[i] = cx + dx * c - dy * s;
            ys[i] = cy + dx * s + dy * c;
        }
        return of(xs, ys);
    }

    /** This quad with every coordinate multiplied by {@code s}. */
    public Quad scaled(double s) {
        return new Quad(corners.stream().map(p -> new Point(p.x() * s, p.y() * s)).toList());
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
