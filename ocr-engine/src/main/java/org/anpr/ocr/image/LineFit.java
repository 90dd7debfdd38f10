package org.anpr.ocr.image;

/** Least-squares straight line y = a + b x through points. */
public final class LineFit {
    private LineFit() {
    }

    /** Slope b of the fitted line; 0 for fewer than two distinct x. */
    public static double slope(double[] xs, double[] ys) {
        int n = xs.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += xs[i];
            sy += ys[i];
            sxx += xs[i] * xs[i];
            sxy += xs[i] * ys[i];
        }
        double den = n * sxx - sx * sx;
        return Math.abs(den) < 1e-9 ? 0 : (n * sxy - sx * sy) / den;
    }
}
