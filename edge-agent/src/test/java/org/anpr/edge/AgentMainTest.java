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

    /** Issue 15, item 5: a standalone gantry's hotlist from a file a person can write, all or nothing. */
    @Test
    void hotlistImportAppliesAValidFileToTheGantrysOwnListAndNamesEveryBadLine() throws Exception {
        Path config = gantryYaml("synthetic:7", "tcp://127.0.0.1:1");
        Path good = Files.writeString(dir.resolve("wanted.csv"), "entry_id,plate,country,category,priority\n"
                + "w-1,12-ABC-3,BE,stolen-vehicle,1\nw-2,34DEF5,NL,wanted-person,2\n");
        assertEquals(0, run("hotlist", "import", good.toString(), "--config", config.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("hotlist version 1: 2 entries added or changed, 0 removed; 2 in all"),
                out.toString(StandardCharsets.UTF_8));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "entry_id,plate,country,category,priority\n"
                + "w-3,56GHJ7,BE,stolen-vehicle,1\nw-4,,BE,stolen-vehicle,1\n");
        assertEquals(2, run("hotlist", "import", bad.toString(), "--config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(bad + ":3: plate: "), err.toString(StandardCharsets.UTF_8));
        try (org.anpr.edge.hotlist.Hotlist h = org.anpr.edge.hotlist.Hotlist.open(dir.resolve("data").resolve("hotlist.db"))) {
            assertEquals(1, h.version(), "the bad file applied nothing");
            assertEquals(2, h.size());
            assertEquals(1, h.match("12ABC3", System.currentTimeMillis() * 1000).size(), "the plate is normalised and matched");
        }
    }

    /** Issue 17, item 3b: a signing key made for the gantry, loaded from its configuration, refused by name when it is not one. */
    @Test
    void aSigningKeyIsMadeOwnerOnlyAndLoadedFromTheConfiguration() throws Exception {
        Path key = dir.resolve("signing.pem");
        assertEquals(0, run("signing-key", key.toString(), "--gantry", "A2-N-km52"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("A2-N-km52:"), line);
        java.security.PublicKey pub = org.anpr.protocol.evidence.ViolationSignature.publicKey(line.substring(line.indexOf(':') + 1));
        assertEquals(2, run("signing-key", key.toString(), "--gantry", "A2-N-km52"), "an existing key file is overwritten");
        String yaml = Files.readString(gantryYaml("synthetic:7", "tcp://127.0.0.1:1"));
        var config = org.anpr.edge.config.AgentConfigLoader.parse(yaml + "sectionRules: { signingKeyFile: \"" + key + "\" }\n");
        java.security.PrivateKey loaded = config.sectionSettings().signingKey();
        var signed = org.anpr.protocol.evidence.ViolationSignature.sign(org.anpr.protocol.evidence.ViolationChain.seal(
                new org.anpr.protocol.sample.SampleMessages(3).violation("A2-N-km40", "A2-N-km52"), 1,
                org.anpr.protocol.evidence.ViolationChain.GENESIS), loaded);
        assertTrue(org.anpr.protocol.evidence.ViolationSignature.verify(signed, pub), "the loaded key is the one whose public half was printed");
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        org.anpr.edge.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(org.anpr.edge.config.ConfigException.class,
                () -> org.anpr.edge.config.AgentConfigLoader.parse(yaml + "sectionRules: { signingKeyFile: \"" + notAKey + "\" }\n"));
        assertTrue(e.getMessage().contains("sectionRules.signingKeyFile: '" + notAKey + "' is not an Ed25519 private key"), e.getMessage());
    }
}
