package org.anpr.ocr;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Typed configuration of a {@link PlateRecognizer}. Build with {@link #builder()}; every field has
 * a documented default, so {@code RecognizerConfig.defaults()} works out of the box on Debian with
 * {@code tesseract-ocr-eng} installed.
 *
 * @param region          plate syntax profile; default {@link Region#EU}
 * @param tessdataPath    folder holding {@code <language>.traineddata}; default: environment
 *                        variable {@code ANPR_TESSDATA}, else {@code /usr/share/tesseract-ocr/5/tessdata}
 *                        (see {@link Builder#bundledModel} for a model shipped in the jar)
 * @param language        Tesseract language (model) name; default: environment variable
 *                        {@code ANPR_OCR_LANG}, else {@code eng}
 * @param workerThreads   native contexts (their own Tesseract handles) = frames recognised in
 *                        parallel; default the number of processors
 * @param maxPixels       larger frames are rejected from their header before decoding; default 40 MP
 * @param maxEncodedBytes larger encoded inputs are rejected; default 64 MiB
 * @param detectionWidth  frames are downscaled to at most this width for detection; default 800
 * @param maxRegions      detector keeps at most this many regions (top-K by score); default 4
 * @param topN            alternatives kept per candidate; default 5
 * @param plateHeight     rectified plate height in pixels handed to binarisation/OCR; default 64
 * @param minConfidence   candidates below this confidence are dropped; default 0.15
 * @param readers       the character readers run on every plate, pooled when more than one
 *                        ({@link PlateReaderKind}); default {@link #DEFAULT_READERS}; at least one
 * @param neuralModel     the {@code .onnx} file (with its {@code .alphabet} beside it) read by the
 *                        {@link PlateReaderKind#NEURAL} reader; default null = the model in the jar
 */
public record RecognizerConfig(Region region, Path tessdataPath, String language, int workerThreads,
                               long maxPixels, long maxEncodedBytes, int detectionWidth, int maxRegions,
                               int topN, int plateHeight, double minConfidence, Set<PlateReaderKind> readers,
                               Path neuralModel) {

    public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    /**
     * The readers on by default: the bundled neural reader alone. On openalpr-eu-dev it read 0.900
     * exact at 13.4 ms p50; pooling it with Tesseract, the plate LSTM and the glyph classifier read
     * fewer (0.888) at four times the cost (ocr-engine/README.md, "Readers alone and pooled").
     */
    public static final Set<PlateReaderKind> DEFAULT_READERS = Set.of(PlateReaderKind.NEURAL);

    public RecognizerConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tessdataPath, "tessdataPath");
        Objects.requireNonNull(language, "language");
        require(workerThreads >= 1, "workerThreads >= 1");
        require(maxPixels >= 1, "maxPixels >= 1");
        require(maxEncodedBytes >= 1, "maxEncodedBytes >= 1");
        require(detectionWidth >= 160, "detectionWidth >= 160");
        require(maxRegions >= 1, "maxRegions >= 1");
        require(topN >= 1, "topN >= 1");
        require(plateHeight >= 24 && plateHeight <= 256, "24 <= plateHeight <= 256");
        require(minConfidence >= 0 && minConfidence <= 1, "0 <= minConfidence <= 1");
        Objects.requireNonNull(readers, "readers");
        require(!readers.isEmpty(), "at least one reader");
        readers = Set.copyOf(readers);
    }

    public static RecognizerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().region(region).tessdataPath(tessdataPath).language(language)
                .workerThreads(workerThreads).maxPixels(maxPixels).maxEncodedBytes(maxEncodedBytes)
                .detectionWidth(detectionWidth).maxRegions(maxRegions).topN(topN).plateHeight(plateHeight)
                .minConfidence(minConfidence).readers(readers).neuralModel(neuralModel);
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("invalid recognizer config: " + rule);
        }
    }

    static Path defaultTessdata() {
        return Path.of(envOr("ANPR_TESSDATA", DEBIAN_TESSDATA.toString()));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v != null && !v.isBlank() ? v.trim() : fallback;
    }

    /** Mutable builder; starts at the defaults. */
    public static final class Builder {
        private Region region = Region.EU;
        private Path tessdataPath = defaultTessdata();
        private String language = envOr("ANPR_OCR_LANG", "eng");
        private int workerThreads = Runtime.getRuntime().availableProcessors();
        private long maxPixels = 40_000_000L;
        private long maxEncodedBytes = 64L << 20;
        private int detectionWidth = 800;
        private int maxRegions = 4;
        private int topN = 5;
        private int plateHeight = 64;
        private double minConfidence = 0.15;
        private Set<PlateReaderKind> readers = DEFAULT_READERS;
        private Path neuralModel;

        public Builder region(Region v) { region = v; return this; }
        public Builder tessdataPath(Path v) { tessdataPath = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder workerThreads(int v) { workerThreads = v; return this; }
        public Builder maxPixels(long v) { maxPixels = v; return this; }
        public Builder maxEncodedBytes(long v) { maxEncodedBytes = v; return this; }
        public Builder detectionWidth(int v) { detectionWidth = v; return this; }
        public Builder maxRegions(int v) { maxRegions = v; return this; }
        public Builder topN(int v) { topN = v; return this; }
        public Builder plateHeight(int v) { plateHeight = v; return this; }
        public Builder minConfidence(double v) { minConfidence = v; return this; }
        public Builder readers(Set<PlateReaderKind> v) { readers = v; return this; }
        public Builder readers(PlateReaderKind first, PlateReaderKind... more) { readers = EnumSet.of(first, more); return this; }
        public Builder neuralModel(Path v) { neuralModel = v; return this; }

        /**
         * Uses the Tesseract model shipped in the jar as {@code org/anpr/ocr/model/<name>.traineddata}
         * (e.g. the plate-tuned model), unpacked to a temp folder.
         *
         * @throws IllegalStateException when the jar has no such model
         */
        public Builder bundledModel(String name) {
            tessdataPath = org.anpr.ocr.ocr.BundledModels.tessdata(name)
                    .orElseThrow(() -> new IllegalStateException("no bundled model " + name + ".traineddata"));
            language = name;
            return this;
        }

        public RecognizerConfig build() {
            return new RecognizerConfig(region, tessdataPath, language, workerThreads, maxPixels,
                    maxEncodedBytes, detectionWidth, maxRegions, topN, plateHeight, minConfidence,
                    readers, neuralModel);
        }
    }
}
