package org.anpr.ocr.charclass;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression (softmax) over standardised {@link GlyphFeatures}: 36 classes A–Z0–9.
 * Chosen over OpenCV's ML models by measurement: as accurate as a linear SVM on held-out synthetic glyphs
 * (about 99 %), calibrated probabilities for the second opinion, and a 100 kB model instead of 10 MB of
 * support vectors; OpenCV's ANN_MLP trained poorly here. Immutable and thread-safe.
 */
public final class GlyphClassifier {

    /** The classes, in output order. */
    public static final String CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Classpath location of the bundled model. */
    public static final String RESOURCE = "org/anpr/ocr/model/glyphs.bin.gz";
    private static final int MAGIC = 0x414e5047; // "ANPG"

    /** Best and second-best class of one glyph with their probabilities. */
    public record Guess(char best, double score, char second, double secondScore) {
    }

    private final float[] mean;
    private final float[] scale;
    private final float[][] weights; // [class][feature + bias]

    private GlyphClassifier(float[] mean, float[] scale, float[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /** The model bundled with ocr-engine. */
    public static GlyphClassifier bundled() {
        try (InputStream in = GlyphClassifier.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no bundled glyph model at " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GlyphClassifier load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Trains by stochastic gradient descent with a decaying step and light L2 regularisation.
     *
     * @param features one row per glyph
     * @param labels   class characters, same order
     */
    public static GlyphClassifier train(List<float[]> features, List<Character> labels, int epochs, long seed) {
        int n = features.size();
        int d = features.get(0).length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] f : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += f[j] / n;
            }
        }
        for (float[] f : features) {
            for (int j = 0; j < d; j++) {
                scale[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = (float) (1 / Math.sqrt(scale[j] + 1e-6));
        }
        float[][] w = new float[CLASSES.length()][d + 1];
        GlyphClassifier model = new GlyphClassifier(mean, scale, w);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        double[] p = new double[CLASSES.length()];
        float[] x = new float[d];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double lr = 0.05 / (1 + epoch);
            for (int i = n - 1; i > 0; i--) {
                int k = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int i : order) {
                model.standardise(features.get(i), x);
                model.probabilities(x, p);
                int y = CLASSES.indexOf(labels.get(i));
                for (int c = 0; c < w.length; c++) {
                    double g = p[c] - (c == y ? 1 : 0);
                    float[] wc = w[c];
                    for (int j = 0; j < d; j++) {
                        wc[j] -= (float) (lr * (g * x[j] + 1e-5 * wc[j]));
                    }
                    wc[d] -= (float) (lr * g);
                }
            }
        }
        return model;
    }

    public Guess classify(float[] features) {
        float[] x = new float[mean.length];
        standardise(features, x);
        double[] p = new double[CLASSES.length()];
        probabilities(x, p);
        int best = 0;
        int second = 1;
        if (p[1] > p[0]) {
            best = 1;
            second = 0;
        }
        for (int c = 2; c < p.length; c++) {
            if (p[c] > p[best]) {
                second = best;
                best = c;
            } else if (p[c] > p[second]) {
                second = c;
            }
        }
        return new Guess(CLASSES.charAt(best), p[best], CLASSES.charAt(second), p[second]);
    }

    public void save(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new GZIPOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(mean.length);
            out.writeInt(weights.length);
            for (int j = 0; j < mean.length; j++) {
                out.writeFloat(mean[j]);
                out.writeFloat(scale[j]);
            }
            for (float[] wc : weights) {
                for (float v : wc) {
                    out.writeFloat(v);
                }
            }
        }
    }

    private static GlyphClassifier read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a glyph model");
        }
        int d = in.readInt();
        int classes = in.readInt();
        if (classes != CLASSES.length() || d <= 0 || d > 100_000) {
            throw new IOException("glyph model of unexpected shape " + d + "x" + classes);
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readFloat();
            scale[j] = in.readFloat();
        }
        float[][] w = new float[classes][d + 1];
        for (float[] wc : w) {
            for (int j = 0; j <= d; j++) {
                wc[j] = in.readFloat();
            }
        }
        return new GlyphClassifier(mean, scale, w);
    }

    private void standardise(float[] f, float[] x) {
        if (f.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + f.length);
        }
        for (int j = 0; j < f.length; j++) {
            x[j] = (f[j] - mean[j]) * scale[j];
        }
    }

    private void probabilities(float[] x, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        int d = x.length;
        for (int c = 0; c < weights.length; c++) {
            float[] wc = weights[c];
            double z = wc[d];
            for (int j = 0; j < d; j++) {
                z += wc[j] * x[j];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }
}
