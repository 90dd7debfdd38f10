package org.anpr.edge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.testing.Agents;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.anpr.edge.testing.Subscriber.Received;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real agents, entry and exit of a 1 km section, each with a camera replaying generated
 * frames through the real recogniser, reporting to a real mosquitto; the test plays the centre's
 * part of routing the entry's passages to the exit. Three vehicles: a wanted one (on the entry's
 * hotlist), a speeder (20 s for 1 km) and a normal one (60 s).
 */
class GantryPairTest {
    private static final String ENTRY = "A2-N-km40";
    private static final String EXIT = "A2-N-km41";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** Both gantries' clocks disciplined within 2 ms: violations are enforceable. */
    private static final HealthProbe SYNCED = HealthProbe.synchronisedClock(2_000, 2_000);

    @TempDir
    Path dir;

    private record Vehicle(Scene scene, String plate, long entryMillis, long exitMillis) {
    }

    @Test
    void wantedPlateAlertsFirstSpeederGetsOneViolationOthersLeaveNothing() throws Exception {
        long t0 = System.currentTimeMillis() - 600_000; // ten minutes ago: well inside the passage TTL
        List<Vehicle> vehicles = readableVehicles(t0);
        Vehicle wanted = vehicles.get(0);
        Vehicle speeder = vehicles.get(1);
        Vehicle normal = vehicles.get(2);
        Path entryFrames = frames("entry", vehicles, true);
        Path exitFrames = frames("exit", vehicles, false);

        try (Mosquitto broker = Mosquitto.start(Files.createDirectories(dir.resolve("broker")));
             Subscriber centre = new Subscriber(broker.uri(), "centre", "anpr/v1/#")) {
            AgentConfig entryConfig = config(ENTRY, entryFrames, Agents.deadBrokerUri());
            try (CameraRig entryRig = CameraRig.open(entryConfig, DeviceClock.system(), SYNCED);
                 EdgeAgent entry = EdgeAgent.start(entryConfig, entryRig)) {
                entry.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                        .addUpserts(new SampleMessages(5).hotlistEntry(wanted.plate())).build());
                // the link is down while the vehicles pass: everything waits in the outbox
                entryRig.attachTo(entry);
                assertTrue(entryRig.awaitEnd(java.time.Duration.ofSeconds(60)), "entry camera replayed");
                assertEquals(1, entry.metrics().alerts.get(), "one hotlist hit; " + entryRig.snapshot());
                assertEquals(3, entry.metrics().readsIn.get(), "one read per vehicle: " + entryRig.snapshot());

                entry.reconfigure(config(ENTRY, entryFrames, broker.uri()));
                assertTrue(Subscriber.await(() -> reads(centre, ENTRY).size() == 3
                        && upstream(centre, ENTRY, TopicKind.PASSAGES).size() == 3, 20, TimeUnit.SECONDS), "entry reported");
                Received first = upstream(centre, ENTRY, null).get(0);
                assertTrue(first.topic().endsWith("/alerts"), "the alert jumped the queue, first was " + first.topic());
                assertEquals(wanted.plate(), first.envelope().getAlert().getRead().getPlateText());
            }

            AgentConfig exitConfig = config(EXIT, exitFrames, broker.uri());
            try (CameraRig exitRig = CameraRig.open(exitConfig, DeviceClock.system(), SYNCED);
                 EdgeAgent exit = EdgeAgent.start(exitConfig, exitRig)) {
                assertTrue(Subscriber.await(() -> exit.reporter().isConnected(), 20, TimeUnit.SECONDS), "exit connected and subscribed");
                // the centre's routing: entry passages go to the exit gantry's section-entries
                for (Received p : upstream(centre, ENTRY, TopicKind.PASSAGES)) {
                    centre.publish(Topic.of(EXIT, TopicKind.SECTION_ENTRIES).name(), p.envelope().toByteArray());
                }
                assertTrue(Subscriber.await(() -> Agents.pendingPassages(exit) == 3, 20, TimeUnit.SECONDS), "passages held at the exit");
                exitRig.attachTo(exit);
                assertTrue(exitRig.awaitEnd(java.time.Duration.ofSeconds(60)), "exit camera replayed");
                assertTrue(Subscriber.await(() -> reads(centre, EXIT).size() == 3, 20, TimeUnit.SECONDS));
                assertTrue(Subscriber.await(() -> !upstream(centre, EXIT, TopicKind.VIOLATIONS).isEmpty(), 20, TimeUnit.SECONDS));
                Thread.sleep(500); // a second violation, if there were one, would be on its way by now

                List<Received> violations = upstream(centre, EXIT, TopicKind.VIOLATIONS);
                assertEquals(1, violations.size(), "only the speeder");
                SectionViolation v = violations.get(0).envelope().getViolation();
                assertEquals(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION, v.getOutcome());
                assertEquals(speeder.plate(), v.getExitRead().getPlateText());
                assertEquals(speeder.plate(), v.getEntryRead().getPlateText());
                assertFalse(v.getEntryRead().getPlateCrop().getData().isEmpty() || v.getExitRead().getPlateCrop().getData().isEmpty(), "evidence images");
                // a read's time is that of one frame of its passage: 20 s give or take the 200 ms of a passage
                long elapsed = v.getExitRead().getCaptureTime().getEpochMicros() - v.getEntryRead().getCaptureTime().getEpochMicros();
                assertTrue(Math.abs(elapsed - 20_000_000) <= 200_000, "elapsed " + elapsed);
                assertEquals(1000 / (elapsed / 1e6) * 3.6, v.getMeasuredSpeedKmh(), 0.01);
                double slowest = 999 / ((elapsed + 2 * 2_000) / 1e6) * 3.6; // shortest distance, longest time
                assertEquals(slowest, v.getConservativeSpeedKmh(), 0.01);
                assertEquals(32, v.getDigest().size(), "SHA-256 seal");
                assertEquals(0, Agents.pendingPassages(exit), "matched passages are gone, the normal one's and the wanted one's too");
                assertTrue(reads(centre, EXIT).stream().anyMatch(r -> r.getPlateText().equals(normal.plate())));
            }
        }
    }

    /** Three generated vehicles the recogniser reads exactly and confidently (not an accuracy test). */
    private static List<Vehicle> readableVehicles(long t0) {
        SceneGenerator gen = new SceneGenerator();
        List<Vehicle> out = new ArrayList<>();
        long[] exitAfter = {60_000, 20_000, 60_000}; // wanted, speeder, normal
        try (PlateRecognizer r = new PlateRecognizer(RecognizerConfig.builder().workerThreads(1).build())) {
            for (long seed = 4100; out.size() < 3 && seed < 4160; seed++) {
                Scene s = gen.render(SceneSpec.builder().size(1280, 720).seed(seed).build());
                String truth = s.plates().get(0).text();
                PlateCandidate best = r.recognize(s.encoded()).best().orElse(null);
                if (best != null && best.text().equals(truth) && best.confidence() >= 0.5
                        && out.stream().noneMatch(v -> v.plate().equals(truth))) {
                    long entry = t0 + 5_000L * out.size();
                    out.add(new Vehicle(s, truth, entry, entry + exitAfter[out.size()]));
                }
            }
        }
        assertEquals(3, out.size(), "generated vehicles the recogniser reads");
        return out;
    }

    /** Three frames 100 ms apart per vehicle, time-stamped in the file names. */
    private Path frames(String name, List<Vehicle> vehicles, boolean entry) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Vehicle v : vehicles) {
            long at = entry ? v.entryMillis() : v.exitMillis();
            for (int i = 0; i < 3; i++) {
                Files.write(folder.resolve("cam_" + NAME.format(Instant.ofEpochMilli(at + 100L * i)) + ".jpg"), v.scene().encoded());
            }
        }
        return folder;
    }

    private AgentConfig config(String gantry, Path frames, String uri) throws ConfigException {
        return AgentConfigLoader.parse("""
                gantry: { id: %s }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "%s", replay: fast } ]
                recognition: { region: eu, workers: 2 }
                sections:
                  - { id: A2-km40-km41, entry: { gantry: %s }, exit: { gantry: %s }, distanceM: 1000,
                      distanceUncertaintyM: 1, speedLimitKmh: 100, margin: NL }
                sectionRules: { minConfidence: 0.5 }
                clock: { syncBoundMicros: 10000 }
                mqtt: { serverUri: "%s", heartbeatSeconds: 1, reconnectMinMillis: 100, reconnectMaxMillis: 500 }
                """.formatted(gantry, dir.resolve("data-" + gantry), frames, ENTRY, EXIT, uri));
    }

    /** What a gantry published, in arrival order, without its retained status; {@code kind} null = all. */
    private static List<Received> upstream(Subscriber centre, String gantry, TopicKind kind) {
        return centre.received().stream()
                .filter(m -> m.topic().startsWith("anpr/v1/" + gantry + "/") && !m.topic().endsWith("/status"))
                .filter(m -> kind == null || m.topic().equals(Topic.of(gantry, kind).name()))
                .toList();
    }

    /** Every read a gantry reported (reads travel in batches). */
    private static List<org.anpr.protocol.v1.PlateRead> reads(Subscriber centre, String gantry) {
        return upstream(centre, gantry, TopicKind.READS).stream()
                .flatMap(m -> m.envelope().getReads().getReadsList().stream()).toList();
    }
}
