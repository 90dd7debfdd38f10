package org.anpr.ocr.synth.tools;

import org.anpr.ocr.Region;
import org.anpr.ocr.synth.Look;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated frames plus a ground-truth file in the dataset layout ({@code file x y w h PLATE},
 * tab-separated, one line per plate) so the measuring tools run on synthetic and real folders alike.
 *
 * <p>Usage: {@code SceneSamplesMain <outDir> <count> [region=eu] [look=DAY] [seed=1]}
 */
public final class SceneSamplesMain {

    private SceneSamplesMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Region region = args.length > 2 ? Region.parse(args[2]) : Region.EU;
        Look look = args.length > 3 ? Look.valueOf(args[3]) : Look.DAY;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Files.createDirectories(out);
        SceneGenerator gen = new SceneGenerator();
        for (int i = 0; i < count; i++) {
            SceneSpec spec = SceneSpec.builder().region(region).look(look).vehicles(1 + i % 3)
                    .perspective(0.2 + 0.1 * (i % 5)).motionBlur(i % 4).seed(seed + i).build();
            Scene s = gen.render(spec);
            String name = String.format("synth_%04d.%s", i, s.format());
            Files.write(out.resolve(name), s.encoded());
            try (Writer w = Files.newBufferedWriter(out.resolve(String.format("synth_%04d.txt", i)),
                    StandardCharsets.UTF_8)) {
                for (PlateTruth p : s.plates()) {
                    w.write(String.format("%s\t%d\t%d\t%d\t%d\t%s%n", name, Math.round(p.box().x()),
                            Math.round(p.box().y()), Math.round(p.box().width()), Math.round(p.box().height()), p.text()));
                }
            }
        }
    }
}
