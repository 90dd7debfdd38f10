package org.anpr.edge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.metrics.HealthProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the configured cameras: every camera that cannot be opened is named, with the reason. */
class CameraRigTest {
    @TempDir
    Path dir;

    private AgentConfig config(String cameras) throws ConfigException {
        return AgentConfigLoader.parse("""
                gantry: { id: G1 }
                storage: { dir: "%s" }
                cameras: %s
                recognition: { workers: 1 }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(dir.resolve("data"), cameras));
    }

    @Test
    void camerasThatCannotBeOpenedStopTheStartWithTheirIds() throws Exception {
        Path notAVideo = Files.writeString(dir.resolve("clip.avi"), "not a video");
        AgentConfig c = config("""
                [ { id: cam-1, source: "%s" }, { id: cam-2, source: "%s" }, { id: cam-3, source: synthetic:x } ]"""
                .formatted(dir.resolve("missing"), notAVideo));
        ConfigException e = assertThrows(ConfigException.class, () -> CameraRig.open(c, DeviceClock.system(), HealthProbe.UNKNOWN));
        assertEquals(3, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().get(0).startsWith("cameras[0] (cam-1): source: '" + dir.resolve("missing") + "' is no stream URL"), e.errors().toString());
        assertTrue(e.errors().get(1).startsWith("cameras[1] (cam-2): "), e.errors().toString());
        assertTrue(e.errors().get(2).startsWith("cameras[2] (cam-3): source: 'synthetic:SEED' needs a number"), e.errors().toString());
    }

    @Test
    void noCamerasIsAValidRelayOnlyGantryAndFrameCountersStartAtZero() throws Exception {
        try (CameraRig rig = CameraRig.open(config("[]"), DeviceClock.system(), HealthProbe.UNKNOWN)) {
            assertEquals(0, rig.framesIn());
            assertEquals(0, rig.framesDropped());
            assertTrue(rig.awaitEnd(java.time.Duration.ofSeconds(1)));
        }
    }

    /** Issue 15, item 8: {@code evidence.overview} puts a JPEG of the frame into the read, within its width. */
    @Test
    void overviewImagesAreSentWhenEnabledAndOnlyThen() throws Exception {
        org.anpr.ocr.synth.Scene scene = new org.anpr.ocr.synth.SceneGenerator().render(
                org.anpr.ocr.synth.SceneSpec.builder().size(1280, 720).seed(4100).build());
        Path frames = Files.createDirectories(dir.resolve("frames"));
        for (int i = 0; i < 3; i++) {
            Files.write(frames.resolve("cam_2026120" + i + "T120000000Z.jpg"), scene.encoded());
        }
        for (boolean overview : new boolean[] {true, false}) {
            AgentConfig c = AgentConfigLoader.parse("""
                    gantry: { id: G1 }
                    storage: { dir: "%s" }
                    cameras: [ { id: cam-1, lane: 1, source: "%s", replay: fast } ]
                    recognition: { workers: 1 }
                    evidence: { overview: %s, overviewMaxWidth: %d }
                    mqtt: { serverUri: "tcp://127.0.0.1:1" }
                    """.formatted(dir.resolve("data-" + overview), frames, overview, 640));
            try (CameraRig rig = CameraRig.open(c, DeviceClock.system(), HealthProbe.UNKNOWN);
                 EdgeAgent agent = EdgeAgent.start(c, rig)) {
                rig.attachTo(agent);
                assertTrue(rig.awaitEnd(java.time.Duration.ofSeconds(60)), "the frames were replayed");
                var items = agent.outbox().next(10, java.util.Set.of());
                assertTrue(!items.isEmpty(), "no read: " + rig.snapshot());
                var read = org.anpr.protocol.v1.Envelope.parseFrom(items.get(0).payload()).getReads().getReads(0);
                assertEquals(overview, read.hasOverview() && !read.getOverview().getData().isEmpty(), "overview " + overview);
                if (overview) {
                    assertEquals(640, read.getOverview().getWidth(), "scaled to evidence.overviewMaxWidth");
                    System.out.println("overview at 640 px: " + read.getOverview().getData().size() + " bytes");
                }
            }
        }
    }

    /** Issue 15, item 1: stills of different vehicles, given a frame interval past the idle gap, are one read each. */
    @Test
    void stillsOfDifferentVehiclesAreOneReadEachWithTheirFrameInterval() throws Exception {
        Path stills = Files.createDirectories(dir.resolve("stills"));
        org.anpr.ocr.synth.SceneGenerator gen = new org.anpr.ocr.synth.SceneGenerator();
        for (int v = 0; v < 3; v++) { // no times in the names, no frames.csv: file order at the frame interval
            Files.write(stills.resolve("car-" + v + ".jpg"), gen.render(org.anpr.ocr.synth.SceneSpec.builder().size(1280, 720)
                    .seed(4100 + v).build()).encoded());
        }
        AgentConfig c = AgentConfigLoader.parse("""
                gantry: { id: G1 }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "%s", replay: fast, frameIntervalMillis: 2000 } ]
                recognition: { workers: 1 }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(dir.resolve("data-stills"), stills));
        assertEquals(2000, c.cameras().get(0).frameIntervalMillis());
        try (CameraRig rig = CameraRig.open(c, DeviceClock.system(), HealthProbe.UNKNOWN);
             EdgeAgent agent = EdgeAgent.start(c, rig)) {
            rig.attachTo(agent);
            assertTrue(rig.awaitEnd(java.time.Duration.ofSeconds(60)));
            assertEquals(3, agent.metrics().readsIn.get(), "one read per photograph: " + rig.snapshot());
            var times = new java.util.ArrayList<Long>();
            for (var item : agent.outbox().next(10, java.util.Set.of())) {
                for (var r : org.anpr.protocol.v1.Envelope.parseFrom(item.payload()).getReads().getReadsList()) {
                    times.add(r.getCaptureTime().getEpochMicros());
                }
            }
            java.util.Collections.sort(times);
            assertEquals(3, times.size());
            assertEquals(2_000_000, times.get(1) - times.get(0), "the frames are frameIntervalMillis apart");
        }
    }

    /**
     * Issue 15, item 1: two photographs of different scenes whose plates read alike, replayed at the
     * default 10 frames a second, are two reads: the cut between the scenes ends the first passage.
     */
    @Test
    void aCutToAnotherSceneEndsThePassageAtTheDefaultFrameInterval() throws Exception {
        Path stills = Files.createDirectories(dir.resolve("lookalikes"));
        org.anpr.ocr.synth.SceneGenerator gen = new org.anpr.ocr.synth.SceneGenerator();
        // one seed: the same plate text; a daylight and an infrared-night photograph: two scenes
        Files.write(stills.resolve("a.jpg"), gen.render(org.anpr.ocr.synth.SceneSpec.builder().size(1280, 720).seed(4100).build()).encoded());
        Files.write(stills.resolve("b.jpg"), gen.render(org.anpr.ocr.synth.SceneSpec.builder().size(1280, 720).seed(4100)
                .look(org.anpr.ocr.synth.Look.IR_NIGHT).perspective(0.2).build()).encoded());
        AgentConfig c = AgentConfigLoader.parse("""
                gantry: { id: G1 }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "%s", replay: fast } ]
                recognition: { workers: 1 }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(dir.resolve("data-lookalikes"), stills));
        try (CameraRig rig = CameraRig.open(c, DeviceClock.system(), HealthProbe.UNKNOWN);
             EdgeAgent agent = EdgeAgent.start(c, rig)) {
            rig.attachTo(agent);
            assertTrue(rig.awaitEnd(java.time.Duration.ofSeconds(60)));
            assertEquals(2, agent.metrics().readsIn.get(), "two photographs 100 ms apart merged into one read: " + rig.snapshot());
        }
    }

    /**
     * A wanted plate is read out while the vehicle is still in view (issue 14: alerts within a
     * second of capture), and its later frames give no second read.
     */
    @Test
    void aWantedVehicleIsReadOutWhileStillInViewAndOnlyOnce() throws Exception {
        var traffic = org.anpr.edge.capture.synthetic.SyntheticTrafficConfig.defaults("cam-1")
                .withScene(org.anpr.ocr.synth.SceneSpec.builder().size(1280, 720).seed(4242).build())
                .withRate(8, 12, 12).withVehicles(1);
        String wanted = org.anpr.edge.capture.synthetic.SyntheticTrafficSource.plateOf(traffic, 0);
        AgentConfig c = config("[ { id: cam-1, lane: 1, source: synthetic } ]");
        var camera = new org.anpr.edge.capture.synthetic.SyntheticTrafficSource(traffic, DeviceClock.system());
        try (CameraRig rig = CameraRig.of(c, java.util.List.of(camera), HealthProbe.UNKNOWN);
             EdgeAgent agent = EdgeAgent.start(c, rig)) {
            agent.hotlist().apply(org.anpr.protocol.v1.HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                    .addUpserts(new org.anpr.protocol.sample.SampleMessages(7).hotlistEntry(wanted)).build());
            java.util.concurrent.atomic.AtomicLong alertedMicros = new java.util.concurrent.atomic.AtomicLong();
            agent.onAlert(a -> alertedMicros.compareAndSet(0, System.currentTimeMillis() * 1000));
            rig.attachTo(agent);
            assertTrue(rig.awaitEnd(java.time.Duration.ofSeconds(60)), "the vehicle drove by: " + rig.snapshot());
            var truth = camera.truths().get(0);
            assertEquals(12, truth.frames());
            assertTrue(alertedMicros.get() > 0, "no alert for " + wanted + ": " + rig.snapshot());
            assertTrue(alertedMicros.get() < truth.lastMicros(), "the alert came " + (alertedMicros.get() - truth.lastMicros()) / 1000
                    + " ms after the vehicle's last frame: it waited for the passage to end");
            assertEquals(1, agent.metrics().readsIn.get(), "one read for the vehicle, not one early and one at its end");
            assertEquals(1, agent.metrics().alerts.get());
        }
    }
}
