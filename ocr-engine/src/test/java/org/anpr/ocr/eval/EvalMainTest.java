package org.anpr.ocr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.PlateReaderKind;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvalMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndBadArguments(@TempDir Path dir) {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--dataset DIR"));
        assertEquals(2, run());
        assertTrue(err.toString().contains("--dataset DIR is required"), err.toString());
        assertEquals(2, run("--dataset", dir.toString(), "--threads", "zero"));
        assertEquals(2, run("--dataset", dir.toString(), "--region", "mars"));
        assertEquals(2, run("--dataset", dir.toString(), "--bogus"));
        assertEquals(2, run("--dataset"));
        assertEquals(2, run("--dataset", dir.toString(), "--opinions", "plate,tarot"));
        assertTrue(err.toString().contains("--opinions: unknown reader 'tarot' (known: tesseract,plate,glyphs,neural)"), err.toString());
        assertEquals(2, run("--dataset", dir.toString(), "--readers", "none"));
        assertTrue(err.toString().contains("--readers needs at least one reader"), err.toString());
        assertEquals(2, run("--dataset", dir.toString(), "--readers", "tesseract", "--neural-model", "m.onnx"));
        assertTrue(err.toString().contains("--neural-model needs the neural reader"), err.toString());
        assertEquals(Set.of(PlateReaderKind.TESSERACT), readers("--opinions", "none"));
        assertEquals(Set.of(PlateReaderKind.TESSERACT, PlateReaderKind.PLATE_MODEL), readers("--opinions", "plate"));
        assertEquals(Set.of(PlateReaderKind.NEURAL, PlateReaderKind.GLYPHS), readers("--readers", "neural, glyphs"));
        assertEquals(RecognizerConfig.DEFAULT_READERS, EvalMain.EvalArgs.parse(new String[]{"--dataset", "d"}).readers());
    }

    private static Set<PlateReaderKind> readers(String option, String list) {
        return EvalMain.EvalArgs.parse(new String[]{"--dataset", "d", option, list}).readers();
    }

    @Test
    void missingOrEmptyDatasetIsAClearError(@TempDir Path dir) throws Exception {
        assertEquals(2, run("--dataset", dir.resolve("absent").toString()));
        assertTrue(err.toString().contains("dataset directory not found"), err.toString());
        assertEquals(2, run("--dataset", dir.toString()));
        assertTrue(err.toString().contains("no labelled images"), err.toString());
        Files.writeString(dir.resolve("bad.txt"), "car.jpg\tx\t1\t2\t3\tAB\n");
        assertEquals(2, run("--dataset", dir.toString()));
        assertTrue(err.toString().contains("bad.txt"), err.toString());
    }

    @Test
    void evaluatesAGeneratedFolderAndWritesTheJsonContract(@TempDir Path dir) throws Exception {
        SceneGenerator gen = new SceneGenerator();
        for (int i = 0; i < 3; i++) {
            Scene s = gen.render(SceneSpec.builder().size(800, 600).perspective(0.2).seed(500 + i).build());
            PlateTruth t = s.plates().get(0);
            String name = "car" + i + "." + s.format();
            Files.write(dir.resolve(name), s.encoded());
            BoundingBox b = t.box();
            Files.writeString(dir.resolve("car" + i + ".txt"), String.join("\t", name, "" + (int) b.x(), "" + (int) b.y(),
                    "" + (int) b.width(), "" + (int) b.height(), t.text()) + "\n");
        }
        // A labelled file that is not an image is counted apart, with its reason, not as a miss (nor a crash).
        Files.writeString(dir.resolve("broken.jpg"), "garbage");
        Files.writeString(dir.resolve("broken.txt"), "broken.jpg\t1\t1\t10\t10\tXX11YY\n");
        Path json = dir.resolve("out/eval.json");
        Files.createDirectories(json.getParent());
        assertEquals(0, run("--dataset", dir.toString(), "--region", "eu", "--threads", "2", "--json", json.toString()));
        assertTrue(err.toString().contains("\r["), "progress bar on stderr");
        assertTrue(out.toString().contains("detection_recall"), out.toString());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("images", "unreadable", "region", "threads", "readers", "detection_recall", "exact_top1",
                "exact_topn", "char_accuracy", "spurious_reads", "precision_at", "coverage_at", "non_plate_reads_at",
                "countries", "ms_per_image_p50", "ms_per_image_p95", "results"), fields);
        assertEquals(PlateReaderKind.codes(RecognizerConfig.DEFAULT_READERS), j.get("readers").asText());
        assertTrue(j.get("non_plate_reads_at").get("0.5").isInt(), "a count stays whole: " + j.get("non_plate_reads_at"));
        assertTrue(j.get("coverage_at").get("0.5").isDouble(), j.get("coverage_at").toString());
        assertEquals(4, j.get("images").asInt());
        assertEquals(1, j.get("unreadable").asInt());
        assertEquals("eu", j.get("region").asText());
        assertEquals(2, j.get("threads").asInt());
        JsonNode results = j.get("results");
        assertEquals(4, results.size());
        JsonNode broken = results.get(0);
        assertEquals("broken.jpg", broken.get("image").asText());
        assertFalse(broken.get("detected").asBoolean());
        assertEquals(List.of("image", "expected", "read", "confidence", "country", "detected", "iou", "ms", "error"), fieldNames(broken));
        assertTrue(broken.get("error").asText().contains("NOT_AN_IMAGE"), broken.toString());
        assertEquals(List.of("image", "expected", "read", "confidence", "country", "detected", "iou", "ms"), fieldNames(results.get(1)), "no error field when read");
        assertTrue(out.toString().contains("NOT_AN_IMAGE"), "rejection shown in the table");
        int detected = 0, exact = 0;
        for (JsonNode r : results) {
            if (r.has("error")) {
                continue;
            }
            assertTrue(r.get("ms").asDouble() >= 0);
            assertEquals(r.get("detected").asBoolean(), r.get("iou").asDouble() > 0.3, r.toString());
            detected += r.get("detected").asBoolean() ? 1 : 0;
            exact += r.get("read").asText().equals(r.get("expected").asText()) ? 1 : 0;
        }
        assertTrue(detected >= 2, "generated plates found: " + detected + "/3");
        assertEquals(detected / 3.0, j.get("detection_recall").asDouble(), 1e-9, "over the 3 readable images");
        assertEquals(exact / 3.0, j.get("exact_top1").asDouble(), 1e-9);
        assertTrue(j.get("exact_topn").asDouble() >= j.get("exact_top1").asDouble());
        assertTrue(j.get("ms_per_image_p95").asDouble() >= j.get("ms_per_image_p50").asDouble());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSynthesizedFolderIsOneTheEvaluationReads(@TempDir Path dir) throws Exception {
        Path photos = dir.resolve("photos");
        assertEquals(0, run("--synthesize", photos.toString(), "--count", "3"));
        assertTrue(out.toString().contains("wrote 3 generated photographs"), out.toString());
        assertEquals(6, Files.list(photos).count(), "three images and three labels");
        Path json = dir.resolve("eval.json");
        assertEquals(0, run("--dataset", photos.toString(), "--json", json.toString()));
        assertEquals(3, new ObjectMapper().readTree(json.toFile()).get("images").asInt());
        assertEquals(2, run("--synthesize", photos.toString(), "--count", "many"));
    }

    @Test
    void reportFigures() {
        EvalReport r = new EvalReport("eu", 1, "tesseract", List.of(
                new ImageOutcome("a", "AB123", "AB123", true, 0.8, 10, true, null),
                new ImageOutcome("b", "CD456", "CD457", true, 0.6, 30, false, null),
                new ImageOutcome("c", "EF789", "", false, 0, 20, false, null),
                new ImageOutcome("d", "GH012", "", false, 0, 1, false, "NOT_AN_IMAGE: not a JPEG or PNG")));
        assertEquals(4, r.images());
        assertEquals(1, r.unreadable());
        assertEquals(2 / 3.0, r.detectionRecall(), 1e-9);
        assertEquals(1 / 3.0, r.exactTop1(), 1e-9);
        assertEquals(9 / 15.0, r.charAccuracy(), 1e-9);
        assertEquals(20, r.msPercentile(0.5), 1e-9);
        assertEquals(30, r.msPercentile(0.95), 1e-9);
    }

    @Test
    void calibrationFiguresAtEachThreshold() {
        EvalReport r = new EvalReport("eu", 1, "neural", List.of(
                outcome("a", "AB123", "AB123", 0.95, "DE", List.of()),
                outcome("b", "CD456", "CD457", 0.75, "DE", List.of(new ImageOutcome.Read("STOP", 0.92))),
                outcome("c", "EF789", "EF789", 0.55, "FR", List.of(new ImageOutcome.Read("TAXI", 0.4))),
                outcome("d", "GH012", "", 0, "", List.of())));
        assertEquals(3 / 4.0, r.coverageAt(0.5), 1e-9);
        assertEquals(2 / 3.0, r.precisionAt(0.5), 1e-9);
        assertEquals(2 / 4.0, r.coverageAt(0.7), 1e-9);
        assertEquals(1 / 2.0, r.precisionAt(0.7), 1e-9);
        assertEquals(1.0, r.precisionAt(0.9), 1e-9);
        assertTrue(Double.isNaN(r.precisionAt(0.99)), "no read that sure");
        assertEquals(2, r.nonPlateReadsAt(0.3));
        assertEquals(1, r.nonPlateReadsAt(0.9));
        assertEquals(2, r.perCountry().get("DE").get("images"));
        assertEquals(1, r.perCountry().get("DE").get("exact"));
        assertEquals(1.0, r.perCountry().get("FR").get("exact_share"));
        assertEquals(1, r.perCountry().get("none").get("images"));
        Map<String, Object> json = r.toJson();
        assertEquals(java.util.Arrays.asList(0.667, 0.5, 1.0), List.copyOf(((Map<?, ?>) json.get("precision_at")).values()));
        assertEquals(List.of("0.5", "0.7", "0.9"), List.copyOf(((Map<?, ?>) json.get("coverage_at")).keySet()));
    }

    private static ImageOutcome outcome(String image, String expected, String read, double confidence, String country,
                                        List<ImageOutcome.Read> spurious) {
        return new ImageOutcome(image, expected, read, confidence, country, !read.isEmpty(), 0.8, 10, false, null, spurious);
    }
}
