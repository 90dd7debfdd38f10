package org.anpr.ocr.neural;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained plate reader: the ONNX network and its alphabet (class i is {@code alphabet[i - 1]},
 * class 0 the CTC blank). The bundled one is {@code org/anpr/ocr/model/plate_reader.onnx} with
 * {@code plate_reader.alphabet} beside it, as {@code ocr-engine/training/plate_reader/train.py} writes them.
 */
public record PlateReaderModel(String name, byte[] onnx, String alphabet) {
    static final String RESOURCE = "org/anpr/ocr/model/plate_reader";

    public PlateReaderModel {
        if (onnx.length == 0) {
            throw new IllegalArgumentException("plate reader model " + name + ": empty ONNX file");
        }
        if (alphabet.isEmpty() || alphabet.chars().distinct().count() != alphabet.length()) {
            throw new IllegalArgumentException("plate reader model " + name + ": the alphabet must be non-empty with no repeats");
        }
    }

    /** True when the jar carries the model. */
    public static boolean bundledPresent() {
        return PlateReaderModel.class.getClassLoader().getResource(RESOURCE + ".onnx") != null;
    }

    /** @throws IllegalStateException when the jar has no model */
    public static PlateReaderModel bundled() {
        try {
            return new PlateReaderModel("bundled plate_reader", resource(RESOURCE + ".onnx"),
                    new String(resource(RESOURCE + ".alphabet"), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled plate reader model", e);
        }
    }

    /** A model file {@code X.onnx} with {@code X.alphabet} beside it (a freshly trained one). */
    public static PlateReaderModel load(Path onnx) throws IOException {
        String file = onnx.getFileName().toString();
        if (!file.endsWith(".onnx")) {
            throw new IllegalArgumentException(onnx + ": a .onnx file is expected");
        }
        Path alphabet = onnx.resolveSibling(file.substring(0, file.length() - 5) + ".alphabet");
        if (!Files.isRegularFile(alphabet)) {
            throw new IllegalArgumentException(onnx + ": its alphabet file " + alphabet.getFileName() + " is missing");
        }
        return new PlateReaderModel(onnx.toString(), Files.readAllBytes(onnx), Files.readString(alphabet, StandardCharsets.US_ASCII).strip());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PlateReaderModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no bundled plate reader model (" + name + " is not on the classpath)");
            }
            return in.readAllBytes();
        }
    }
}
