package org.anpr.edge.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.anpr.ocr.PlateReaderKind;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.Region;

/**
 * How this gantry's cameras are read ({@code recognition:} in gantry.yaml).
 *
 * @param region      plate syntaxes to rank against: {@code eu} (default), {@code br} or {@code us}
 * @param workers     recognition threads shared by all cameras; default: one per core
 * @param readers     the character readers run on every plate and pooled (codes
 *                    {@code tesseract,plate,glyphs,neural}); default: the recogniser's
 *                    {@link RecognizerConfig#DEFAULT_READERS}
 * @param neuralModel the neural reader's {@code .onnx} file (its {@code .alphabet} beside it);
 *                    null (default) = the model in the jar
 */
public record RecognitionSettings(Region region, int workers, Set<PlateReaderKind> readers, Path neuralModel) {
    public static final RecognitionSettings DEFAULTS = new RecognitionSettings(Region.EU,
            Runtime.getRuntime().availableProcessors(), RecognizerConfig.DEFAULT_READERS, null);

    public RecognitionSettings {
        Objects.requireNonNull(region, "region");
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers: " + workers + " is outside 1..256");
        }
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("readers: at least one reader is needed");
        }
        readers = Set.copyOf(readers);
    }
}
