package org.anpr.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 3: the standalone agent says what it does, says when a recorded source has
 * finished, and with {@code --drain-and-exit} processes a folder as a batch job: it exits 0 once
 * the centre has acknowledged everything.
 */
class AgentMainTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return AgentMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path gantryYaml(String source, String broker) throws Exception {
        return Files.writeString(dir.resolve("gantry.yaml"), """
                gantry: { id: A2-N-km52 }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "%s", replay: fast } ]
                recognition: { workers: 1 }
                clock: { source: none }
                mqtt: { serverUri: "%s", heartbeatSeconds: 1, reconnectMinMillis: 100, reconnectMaxMillis: 500 }
                """.formatted(dir.resolve("data"), source, broker));
    }

    @Test
    void aRecordedFolderIsProcessedAsABatchJobThatExitsOnceEverythingIsAcknowledged() throws Exception {
        Path frames = Files.createDirectories(dir.resolve("frames"));
        SceneGenerator gen = new SceneGenerator();
        for (int v = 0; v < 2; v++) {
            Scene s = gen.render(SceneSpec.builder().size(1280, 720).seed(4100 + v).build());
            for (int i = 0; i < 3; i++) {
                Files.write(frames.resolve("cam_2026120" + (v + 1) + "T12000" + i + "000Z.jpg"), s.encoded());
            }
        }
        try (Mosquitto broker = Mosquitto.start(Files.createDirectories(dir.resolve("broker")));
             Subscriber centre = new Subscriber(broker.uri(), "centre", "anpr/v1/#")) {
            Path config = gantryYaml(frames.toString(), broker.uri());
            assertEquals(0, run("--config", config.toString(), "--drain-and-exit", "--status-every", "1"), err.toString());
            String said = out.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("anpr agent: source finished: "), said);
            assertTrue(said.matches("(?s).*source finished: .*frames/s, 6 frames, [1-9]\\d* reads.*"), said);
            assertTrue(said.contains("outbox drained, everything acknowledged by the centre; exiting"), said);
            assertTrue(said.trim().endsWith("anpr agent: stopped"), said);
            assertTrue(Subscriber.await(() -> !centre.distinctReadIds().isEmpty(), 10, TimeUnit.SECONDS), "the centre got the reads");
        }
    }

    @Test
    void drainAndExitRefusesLiveCamerasAndArgumentsAreChecked() throws Exception {
        Path config = gantryYaml("synthetic:7", "tcp://127.0.0.1:1");
        assertEquals(2, run("--config", config.toString(), "--drain-and-exit", "--status-every", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--drain-and-exit needs cameras that end by themselves"), err.toString());
        assertEquals(2, run("--config", config.toString(), "--status-every", "soon"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--status-every: seconds, 0 or more, was 'soon'"), err.toString());
        assertEquals(2, run("--drain-and-exit"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--config gantry.yaml is required"), err.toString());
    }
}
