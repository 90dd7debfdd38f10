package org.anpr.ocr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anpr.ocr.PlateReaderKind;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.Region;

/**
 * {@code anpr eval --dataset DIR [--region eu|br|us] [--threads N] [--json FILE] [--readers LIST]}: recognition
 * accuracy and latency over a folder in the OpenALPR benchmark layout. Exit status: 0 done,
 * 2 bad arguments or dataset, 1 recognizer failure.
 */
public final class EvalMain {
    static final String USAGE = """
            Usage: anpr eval --dataset DIR [--region eu|br|us] [--threads N] [--json FILE]
                             [--readers LIST | --opinions LIST] [--neural-model FILE]
                   anpr eval --synthesize DIR [--count N] [--seed S]   (N generated photographs with labels, default 10)

            Measures plate recognition on a labelled folder in the OpenALPR benchmark layout
            (one image and one .txt per vehicle; .txt line: file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>PLATE).

              --dataset DIR   the labelled folder (required)
              --region R      plate syntax profile: eu (default), br or us
              --threads N     images recognised in parallel (default 1)
              --json FILE     also write the figures and per-image results as JSON
              --readers LIST  the readers run on every plate, pooled when more than one, comma
                              separated: tesseract (the main Tesseract model), plate (the bundled
                              plate-trained Tesseract model), glyphs (the glyph classifier), neural
                              (the trained network on OpenCV DNN); default %s
              --opinions LIST the same as --readers tesseract,LIST (LIST may be none)
              --neural-model FILE  the .onnx file (its .alphabet beside it) for the neural reader,
                              instead of the model in the jar
              -h, --help      this help

            A plate counts as detected when a candidate's box overlaps the labelled box with IoU > 0.3.
            Latency is per image (decode to syntax), measured after 30 warm-up frames.
            Environment: ANPR_TESSDATA overrides the Tesseract model folder.
            """.formatted(PlateReaderKind.codes(RecognizerConfig.DEFAULT_READERS));

    /** Frames recognised before timing starts (see {@link EvalRunner#warmUp}). */
    static final int WARMUP_FRAMES = 30;

    private EvalMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole command, testable: returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("--synthesize")) {
            return SyntheticFolder.run(args, out, err);
        }
        EvalArgs a;
        try {
            a = EvalArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("anpr eval: " + e.getMessage());
            err.println("Try 'anpr eval --help'.");
            return 2;
        }
        if (a.help()) {
            out.print(USAGE);
            return 0;
        }
        List<LabelledImage> images;
        try {
            images = LabelledImage.readFolder(a.dataset());
        } catch (IllegalArgumentException | IOException e) {
            err.println("anpr eval: " + e.getMessage());
            return 2;
        }
        RecognizerConfig config = RecognizerConfig.builder().region(a.region()).workerThreads(a.threads())
                .readers(a.readers()).neuralModel(a.neuralModel()).build();
        try (PlateRecognizer recognizer = new PlateRecognizer(config)) {
            EvalRunner.warmUp(recognizer, WARMUP_FRAMES);
            ProgressBar bar = new ProgressBar(err, images.size());
            List<ImageOutcome> outcomes = EvalRunner.run(recognizer, images, a.threads(), bar::update);
            bar.finish();
            EvalReport report = new EvalReport(a.region().code(), a.threads(), PlateReaderKind.codes(a.readers()), outcomes);
            report.print(out);
            if (a.json() != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(a.json().toFile(), report.toJson());
                out.println("json written to " + a.json());
            }
            return 0;
        } catch (IllegalStateException | IOException e) {
            err.println("anpr eval: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("anpr eval: interrupted");
            return 1;
        }
    }

    /** Parsed command line. */
    record EvalArgs(Path dataset, Region region, int threads, Path json, boolean help, Set<PlateReaderKind> readers,
                    Path neuralModel) {

        static EvalArgs parse(String[] args) {
            Path dataset = null, json = null, neuralModel = null;
            Set<PlateReaderKind> readers = RecognizerConfig.DEFAULT_READERS;
            Region region = Region.EU;
            int threads = 1;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return new EvalArgs(null, region, threads, null, true, readers, null);
                    }
                    case "--dataset" -> dataset = Path.of(value(args, ++i, arg));
                    case "--region" -> region = Region.parse(value(args, ++i, arg));
                    case "--json" -> json = Path.of(value(args, ++i, arg));
                    case "--readers" -> readers = readers(arg, value(args, ++i, arg), Set.of());
                    case "--opinions" -> readers = readers(arg, value(args, ++i, arg), Set.of(PlateReaderKind.TESSERACT));
                    case "--neural-model" -> neuralModel = Path.of(value(args, ++i, arg));
                    case "--threads" -> {
                        String v = value(args, ++i, arg);
                        try {
                            threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threads needs a whole number, got '" + v + "'");
                        }
                        if (threads < 1 || threads > 256) {
                            throw new IllegalArgumentException("--threads must be between 1 and 256, got " + threads);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if (dataset == null) {
                throw new IllegalArgumentException("--dataset DIR is required");
            }
            if (neuralModel != null && !readers.contains(PlateReaderKind.NEURAL)) {
                throw new IllegalArgumentException("--neural-model needs the neural reader in --readers");
            }
            return new EvalArgs(dataset, region, threads, json, false, readers, neuralModel);
        }

        private static Set<PlateReaderKind> readers(String option, String list, Set<PlateReaderKind> base) {
            Set<PlateReaderKind> out = EnumSet.noneOf(PlateReaderKind.class);
            out.addAll(base);
            try {
                out.addAll(PlateReaderKind.parseList(list));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(option + " needs at least one reader");
            }
            return out;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
