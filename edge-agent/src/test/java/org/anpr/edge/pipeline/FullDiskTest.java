package org.anpr.edge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.testing.Agents;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 9, on a real full filesystem (a 4 MiB tmpfs the test mounts and fills): a
 * hotlisted plate still raises its alert and tells the beacon, the lost read is counted, the
 * status says disk:FULL; once space is back the next read is stored and the fault clears.
 */
class FullDiskTest {
    private static final String G = "A2-N-km52";
    private final SampleMessages samples = new SampleMessages(17);

    @TempDir
    Path dir;

    @Test
    void aFullDiskNeverSilencesAnAlert() throws Exception {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        mount(volume, "4m");
        try {
            // no free-space reserve: this test is about what happens once nothing more fits
            AgentConfig config = onVolume(volume, "{ minFreeBytes: 0 }");
            List<HotlistAlert> beacon = new CopyOnWriteArrayList<>();
            try (EdgeAgent agent = EdgeAgent.start(config, HealthProbe.UNKNOWN)) {
                agent.onAlert(beacon::add);
                agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(1)
                        .addUpserts(samples.hotlistEntry("12ABC3")).build());
                agent.onRead(samples.read(G, "77XYZ7", SampleMessages.BASE_MICROS)); // stored: there is room

                Path filler = fill(volume);
                SQLException lost = assertThrows(SQLException.class,
                        () -> agent.onRead(samples.read(G, "12ABC3", SampleMessages.BASE_MICROS + 1_000_000)));
                assertTrue(lost.getMessage().toLowerCase().contains("full") || lost.getMessage().contains("disk"), lost.getMessage());
                assertEquals(1, beacon.size(), "the beacon was told although nothing could be stored");
                assertEquals("12ABC3", beacon.get(0).getRead().getPlateText());
                assertEquals(1, agent.metrics().readsLost.get());
                assertEquals(1, agent.metrics().alertsNotStored.get());
                assertTrue(agent.storageFailing());
                assertTrue(agent.status().getDetail().contains("disk:FULL, 1 read(s) lost"), agent.status().getDetail());

                Files.delete(filler);
                agent.onRead(samples.read(G, "88QRS8", SampleMessages.BASE_MICROS + 2_000_000));
                assertFalse(agent.storageFailing(), "space is back: the fault clears");
            }
        } finally {
            run(List.of("umount", volume.toString()));
        }
    }

    /**
     * Issue 17, item 9, shedding by free space: an outbox far under its own byte bound still sheds
     * images when the volume it is on runs low, so every read keeps being stored.
     */
    @Test
    void aVolumeRunningLowShedsImagesInsteadOfLosingReads() throws Exception {
        Path volume = Files.createDirectories(dir.resolve("small"));
        mount(volume, "12m");
        try {
            AgentConfig config = onVolume(volume, "{ maxBytes: 1073741824, minFreeBytes: 4194304 }");
            SampleMessages big = new SampleMessages(23, 60_000);
            try (EdgeAgent agent = EdgeAgent.start(config, HealthProbe.UNKNOWN)) {
                int reads = 0;
                for (long offered = 0; offered < 18L << 20; reads++) { // half again the whole volume
                    var read = big.read(G);
                    offered += read.getSerializedSize();
                    agent.onRead(read);
                }
                assertEquals(reads, agent.outbox().stats().items(), "every read stored");
                assertEquals(0, agent.metrics().readsLost.get());
                assertFalse(agent.storageFailing());
                assertTrue(agent.outbox().stats().cropsShed() > 0, "no crop shed although the volume ran low");
                long free = Files.getFileStore(volume).getUsableSpace();
                assertTrue(free > 1 << 20, free + " bytes left on the volume: the reserve was not kept");
            }
        } finally {
            run(List.of("umount", volume.toString()));
        }
    }

    /** An agent storing everything on {@code volume}, with these outbox settings. */
    private static AgentConfig onVolume(Path volume, String outbox) throws Exception {
        return AgentConfigLoader.parse("""
                gantry: { id: %s }
                storage: { dir: "%s" }
                outbox: %s
                mqtt: { serverUri: "%s" }
                """.formatted(G, volume.resolve("data"), outbox, Agents.deadBrokerUri()));
    }

    /** Writes until the volume refuses another byte. */
    private static Path fill(Path volume) throws IOException {
        Path filler = volume.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: what we wanted
        }
        return filler;
    }

    /** A small tmpfs: as root, or through password-less sudo (what ./anpr test's set-up also needs). */
    private static void mount(Path at, String size) throws Exception {
        List<String> cmd = List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        String out = run(cmd);
        if (out == null) {
            return;
        }
        List<String> sudo = new java.util.ArrayList<>(List.of("sudo", "-n"));
        sudo.addAll(cmd);
        String viaSudo = run(sudo);
        if (viaSudo != null) {
            throw new AssertionError("this test mounts a small tmpfs to fill it, which needs root or password-less sudo: "
                    + out.strip() + " / " + viaSudo.strip());
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(List<String> cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? null : out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
