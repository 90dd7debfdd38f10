package org.anpr.ocr;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The character readers a {@link PlateRecognizer} can run on every plate; when more than one is on,
 * their syntax-ranked readings are pooled ({@link org.anpr.ocr.fuse.OpinionPool}).
 */
public enum PlateReaderKind {
    /** Tesseract with {@link RecognizerConfig#language()} (default {@code eng}) on the binarised characters. */
    TESSERACT("tesseract"),
    /** The bundled plate-trained Tesseract model {@code anpr_plate}, raw-line mode on the grey plate. */
    PLATE_MODEL("plate"),
    /** The bundled glyph classifier: segmented blobs, one class each. */
    GLYPHS("glyphs"),
    /** The trained convolutional CTC network on OpenCV DNN ({@link org.anpr.ocr.neural.NeuralPlateReader}). */
    NEURAL("neural");

    private final String code;

    PlateReaderKind(String code) {
        this.code = code;
    }

    /** The name used on command lines and in config files. */
    public String code() {
        return code;
    }

    /**
     * Parses a comma-separated list of codes ({@code tesseract,plate,glyphs,neural}); {@code none}
     * is the empty set.
     *
     * @throws IllegalArgumentException naming the unknown entry and the known ones
     */
    public static Set<PlateReaderKind> parseList(String list) {
        EnumSet<PlateReaderKind> out = EnumSet.noneOf(PlateReaderKind.class);
        if (list.strip().equals("none")) {
            return out;
        }
        for (String item : list.split(",")) {
            String code = item.strip();
            out.add(Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown reader '" + code + "' (known: "
                            + codes(EnumSet.allOf(PlateReaderKind.class)) + ")")));
        }
        return out;
    }

    /** The codes of {@code kinds}, comma separated, in declaration order; {@code none} when empty. */
    public static String codes(Set<PlateReaderKind> kinds) {
        return kinds.isEmpty() ? "none"
                : EnumSet.copyOf(kinds).stream().map(PlateReaderKind::code).collect(Collectors.joining(","));
    }
}
