package org.anpr.ocr.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.anpr.ocr.BoundingBox;

/**
 * One vehicle of an OpenALPR benchmark folder: the {@code .txt} line
 * {@code image-file x y width height PLATE} (tab separated).
 */
public record LabelledImage(Path image, BoundingBox box, String plate) {

    /**
     * Reads every {@code .txt} of {@code dir}, sorted by name.
     *
     * @throws IllegalArgumentException naming the file and line when a label is malformed
     */
    public static List<LabelledImage> readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dataset directory not found: " + dir);
        }
        List<Path> labels;
        try (Stream<Path> s = Files.list(dir)) {
            labels = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<LabelledImage> out = new ArrayList<>();
        for (Path label : labels) {
            for (String line : Files.readAllLines(label)) {
                if (!line.isBlank()) {
                    out.add(parse(dir, label, line));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no labelled images (*.txt: file x y w h PLATE) in " + dir);
        }
        return out;
    }

    static LabelledImage parse(Path dir, Path label, String line) {
        String[] f = line.trim().split("\t");
        if (f.length < 6) {
            f = line.trim().split("\\s+");
        }
        if (f.length < 6) {
            throw new IllegalArgumentException(label + ": expected 'file x y w h PLATE', got '" + line + "'");
        }
        try {
            BoundingBox box = new BoundingBox(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            String plate = f[5].toUpperCase().replaceAll("[^A-Z0-9]", "");
            return new LabelledImage(dir.resolve(f[0]), box, plate);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": bad number in '" + line + "'");
        }
    }
}
