package org.anpr.ocr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;

/**
 * {@code anpr eval --synthesize DIR [--count N] [--seed S]}: a folder of generated street photographs
 * in the OpenALPR benchmark layout (an image and a {@code .txt} label each), made by the project's
 * scene generator: something to evaluate, or to replay through a gantry, on a machine without any
 * real images.
 */
final class SyntheticFolder {
    private SyntheticFolder() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        int count = 10;
        long seed = 4100;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--synthesize" -> dir = Path.of(args[++i]);
                    case "--count" -> count = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (dir == null || count < 1 || count > 10_000) {
                throw new IllegalArgumentException("--synthesize DIR with --count 1..10000");
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println("anpr eval --synthesize: a value is missing or not a number");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("anpr eval --synthesize: " + e.getMessage());
            return 2;
        }
        try {
            Files.createDirectories(dir);
            SceneGenerator gen = new SceneGenerator();
            for (int i = 0; i < count; i++) {
                Scene s = gen.render(SceneSpec.builder().size(1280, 720).seed(seed + i).build());
                PlateTruth t = s.plates().get(0);
                String name = String.format("car-%04d.%s", i + 1, s.format());
                Files.write(dir.resolve(name), s.encoded());
                BoundingBox b = t.box();
                Files.writeString(dir.resolve(String.format("car-%04d.txt", i + 1)), String.join("\t", name, "" + (int) b.x(),
                        "" + (int) b.y(), "" + (int) b.width(), "" + (int) b.height(), t.text()) + "\n");
            }
        } catch (IOException e) {
            err.println("anpr eval --synthesize: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + count + " generated photographs with their labels to " + dir);
        return 0;
    }
}
