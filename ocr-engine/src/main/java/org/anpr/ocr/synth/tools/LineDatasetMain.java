package org.anpr.ocr.synth.tools;

import org.anpr.ocr.synth.LineSampleGenerator;
import org.anpr.ocr.synth.LineSampleGenerator.LineSample;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes synthetic plate lines as Tesseract LSTM training input: multi-page TIFFs with line box files
 * (every character spans the whole line, a tab ends the line, the last column is the page), which
 * {@code tesseract X.tif X --psm 13 lstm.train} turns into one {@code .lstmf} per TIFF.
 *
 * <p>Usage: {@code LineDatasetMain <outDir> <lines> <seed> [linesPerTiff=1000] [pngPreviews=0] [difficulty=1]}
 */
public final class LineDatasetMain {

    private LineDatasetMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int perTiff = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int previews = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Files.createDirectories(out);
        LineSampleGenerator gen = new LineSampleGenerator(args.length > 5 ? Double.parseDouble(args[5]) : 1.0);
        Random rnd = new Random(seed);
        try (Writer gt = Files.newBufferedWriter(out.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            for (int chunk = 0; chunk * perTiff < lines; chunk++) {
                int n = Math.min(perTiff, lines - chunk * perTiff);
                String base = String.format("lines_%d_%03d", seed, chunk);
                writeChunk(out, base, gen, rnd, n, gt, chunk * perTiff, previews);
            }
        }
    }

    private static void writeChunk(Path out, String base, LineSampleGenerator gen, Random rnd, int n, Writer gt,
                                   int first, int previews) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("LZW");
        StringBuilder box = new StringBuilder();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out.resolve(base + ".tif").toFile())) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int page = 0; page < n; page++) {
                LineSample s = gen.next(rnd);
                writer.writeToSequence(new IIOImage(s.image(), null, null), param);
                int w = s.image().getWidth();
                int h = s.image().getHeight();
                for (char c : s.text().toCharArray()) {
                    box.append(c).append(" 0 0 ").append(w).append(' ').append(h).append(' ').append(page).append('\n');
                }
                box.append("\t 0 0 ").append(w).append(' ').append(h).append(' ').append(page).append('\n');
                gt.write(base + "\t" + page + "\t" + s.country() + "\t" + s.text() + "\n");
                if (first + page < previews) {
                    ImageIO.write(s.image(), "png", out.resolve("preview_" + (first + page) + "_" + s.text() + ".png").toFile());
                }
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Files.writeString(out.resolve(base + ".box"), box, StandardCharsets.UTF_8);
    }
}
