package org.anpr.edge.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.TestCapture;
import org.anpr.device.coap.client.GantryManagementClient;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.config.ManagementSettings;
import java.util.List;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.edge.testing.Agents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A technician's real CoAP/DTLS client against a running agent with a (synthetic) camera. */
class AgentManagementTest {
    private static final String KEY = "00112233445566778899aabbccddeeff";
    private static final GantryManagementClient.Settings FAST = new GantryManagementClient.Settings(
            Duration.ofSeconds(10), Duration.ofMillis(300), 2, 4 * 1024 * 1024);
    @TempDir
    Path dir;

    private String yaml(String mqtt, int outboxMiB) {
        return """
                gantry: { id: A2-N-km52 }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "synthetic:5" } ]
                recognition: { workers: 1 }
                clock: { source: none }
                outbox: { maxBytes: %d }
                management: { bind: 127.0.0.1, port: 0, psk: [ { identity: tech-1, keyHex: %s } ] }
                mqtt: { serverUri: "%s" }
                """.formatted(dir.resolve("data"), outboxMiB << 20, KEY, mqtt);
    }

    @Test
    void technicianReadsStateTakesATestShotAndPushesConfigurations() throws Exception {
        String dead = Agents.deadBrokerUri();
        Path file = dir.resolve("gantry.yaml");
        Files.writeString(file, yaml(dead, 64));
        AgentConfig config = AgentConfigLoader.load(file);
        try (CameraRig rig = CameraRig.open(config, DeviceClock.system(), HealthProbe.UNKNOWN);
             EdgeAgent agent = EdgeAgent.start(config, rig)) {
            agent.hotlist().apply(HotlistDelta.newBuilder().setFromVersion(0).setToVersion(4)
                    .addUpserts(new SampleMessages(1).hotlistEntry("12ABC3")).build());
            rig.attachTo(agent);
            try (ManagementServer server = AgentManagement.serve(agent, rig, rig, new ConfigFile(file), config.management(),
                    GpioSelfTester.forGantry(config.management()));
                 GantryManagementClient tech = new GantryManagementClient(loopback(server),
                         new PskCredential("tech-1", HexFormat.of().parseHex(KEY)), FAST)) {
                GantryStatus status = tech.status();
                assertEquals("A2-N-km52", status.gantryId());
                assertEquals(GantryStatus.Health.DEGRADED, status.health());
                assertTrue(status.activeFaults().contains("mqtt:DISCONNECTED"), status.activeFaults().toString());
                assertTrue(status.activeFaults().contains("clock:UNKNOWN"), status.activeFaults().toString());

                assertEquals(4, tech.hotlistInfo().version());
                assertEquals(1, tech.hotlistInfo().size());
                ClockInfo clock = tech.clock();
                assertFalse(clock.synced());
                assertEquals("none", clock.source());

                GpioSelfTest gpio = tech.gpioSelfTest();
                assertFalse(gpio.passed(), "no loopback configured: the self-test fails rather than passing untested");
                assertEquals("no loopback wiring configured on this gantry", gpio.checks().get(0).detail());

                TestCapture shot = tech.testCapture();
                assertTrue(shot.jpeg().length > 10_000, "a whole frame: " + shot.jpeg().length + " bytes");
                assertTrue(shot.capturedEpochMicros() > 0);

                // an invalid configuration is refused with the field and changes nothing
                ConfigResult bad = tech.applyConfig(yaml(dead, 64).replace("maxBytes", "maxBites").getBytes(StandardCharsets.UTF_8));
                assertFalse(bad.applied());
                assertTrue(bad.reason().contains("outbox.maxBites"), bad.reason());
                ConfigResult moved = tech.applyConfig(yaml(dead, 64).replace("A2-N-km52", "A2-N-km53").getBytes(StandardCharsets.UTF_8));
                assertFalse(moved.applied());
                assertTrue(moved.reason().contains("gantry.id: cannot change at run time"), moved.reason());
                assertEquals(yaml(dead, 64), Files.readString(file), "the file is untouched");

                // a valid one is applied at once and replaces the file
                ConfigResult ok = tech.applyConfig(yaml(dead, 128).getBytes(StandardCharsets.UTF_8));
                assertTrue(ok.applied(), ok.reason());
                assertEquals(128L << 20, agent.config().outboxLimits().maxBytes());
                String readBack = new String(tech.config(), StandardCharsets.UTF_8);
                assertFalse(readBack.contains(KEY), "no technician key is read back: " + readBack);
                assertTrue(readBack.contains("keyHex: <redacted>"), readBack);
                assertEquals(yaml(dead, 128), Files.readString(file), "the file keeps the key");
                // the read-back document pushed again keeps the key; a change of the endpoint is refused by name
                ConfigResult again = tech.applyConfig(readBack.getBytes(StandardCharsets.UTF_8));
                assertTrue(again.applied(), again.reason());
                assertTrue(Files.readString(file).contains(KEY), "the key was kept");
                ConfigResult revoke = tech.applyConfig(yaml(dead, 128).replace(KEY, "ffeeddccbbaa99887766554433221100")
                        .getBytes(StandardCharsets.UTF_8));
                assertFalse(revoke.applied());
                assertTrue(revoke.reason().contains("management: the technicians' endpoint (keys, address, port, loopbacks)"
                        + " cannot change at run time (restart the agent)"), revoke.reason());
                assertEquals(128L << 20, AgentConfigLoader.load(file).outboxLimits().maxBytes());
            }
        }
    }

    private static InetSocketAddress loopback(ManagementServer server) {
        return new InetSocketAddress("127.0.0.1", server.address().getPort());
    }

    @Test
    void loopbacksAreValidated() throws Exception {
        String key = "keyHex: " + KEY;
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                gantry: { id: G1 }
                management:
                  psk: [ { identity: tech-1, %s } ]
                  loopbacks: [ { drive: 17, sense: 17 }, { drive: 30, sense: 22 }, { drive: 5 }, { drive: 6, sense: 7, inverted: "no" },
                               { name: plug, drive: 9, sense: 10 }, { name: plug, drive: 11, sense: 12 } ]
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(key)));
        assertEquals(List.of("management.loopbacks[0].sense: must be another pin than drive (17)",
                "management.loopbacks[1].drive: must be within 0..27, was 30",
                "management.loopbacks[2]: drive and sense (BCM pin numbers) are required",
                "management.loopbacks[3].inverted: must be true or false, was 'no'",
                "management.loopbacks[5].name: duplicate loopback name 'plug'"), e.errors());
        AgentConfig ok = AgentConfigLoader.parse("""
                gantry: { id: G1 }
                management: { psk: [ { identity: tech-1, %s } ], loopbacks: [ { drive: 17, sense: 22, inverted: true } ] }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(key));
        assertEquals(List.of(new ManagementSettings.Loopback("BCM17->BCM22", 17, 22, true)), ok.management().loopbacks());
    }

    @Test
    void managementKeysAreValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                gantry: { id: G1 }
                management: { port: 70000, psk: [ { identity: tech-1, keyHex: abcd }, { identity: tech-2, keyHex: xyz } ] }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """));
        assertTrue(e.errors().contains("management.port: must be within 0..65535, was 70000"), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.startsWith("management.psk[0].keyHex: must be at least 32 hex digits")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.startsWith("management.psk[1].keyHex:")), e.errors().toString());
        ConfigException none = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                gantry: { id: G1 }
                management: { port: 5684 }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """));
        assertTrue(none.errors().contains("management.psk: at least one technician key is required"), none.errors().toString());
    }
}
