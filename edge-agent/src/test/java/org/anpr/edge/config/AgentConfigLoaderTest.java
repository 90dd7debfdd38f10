package org.anpr.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anpr.edge.section.MarginRule;
import org.anpr.edge.section.SectionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {
    static final String VALID = """
            gantry: { id: A2-N-km52 }
            storage: { dir: /var/lib/anpr }
            cameras:
              - { id: cam-1, lane: 1, source: "rtsp://10.0.0.11/stream1" }
              - { id: cam-2, lane: 2, source: /dev/video1 }
            sections:
              - id: A2-km40-km52
                entry: { gantry: A2-N-km40 }
                exit: { gantry: A2-N-km52, camera: cam-1 }
                distanceM: 12000
                distanceUncertaintyM: 2
                speedLimitKmh: 100
                margin: NL
              - id: E40-be
                entry: { gantry: A2-N-km52 }
                exit: { gantry: E40-km10 }
                distanceM: 5000
                speedLimitKmh: 120
                margin: { country: BE, absoluteKmh: 6, thresholdKmh: 100, percent: 6 }
            mqtt:
              serverUri: tcp://centre.example:1883
              username: gantry-52
              password: secret
            """;
    @TempDir
    Path dir;

    @Test
    void validFileWithDocumentedDefaults() throws Exception {
        Path file = dir.resolve("gantry.yaml");
        Files.writeString(file, VALID);
        AgentConfig c = AgentConfigLoader.load(file);
        assertEquals("A2-N-km52", c.gantryId());
        assertEquals(2, c.cameras().size());
        assertEquals("/dev/video1", c.cameras().get(1).source());
        SectionDefinition s = c.sections().get(0);
        assertEquals("cam-1", s.exitCameraId());
        assertNull(s.entryCameraId());
        assertEquals(MarginRule.NL, s.margin());
        assertEquals("BE:6/100/6%", c.sections().get(1).margin().name());
        assertEquals(Path.of("/var/lib/anpr/hotlist.db"), c.hotlistFile());
        assertEquals(Path.of("/var/lib/anpr/outbox.db"), c.outboxFile());
        assertEquals(1L << 30, c.outboxLimits().maxBytes());
        assertEquals(0.8, c.sectionSettings().minConfidence());
        assertEquals(100_000, c.sectionSettings().clockBoundMicros());
        assertEquals(Duration.ofHours(24), c.sectionSettings().passageTtl());
        assertEquals("A2-N-km52", c.mqtt().clientId());
        assertEquals(64, c.mqtt().maxInflight());
        assertEquals(30, c.mqtt().heartbeatSeconds());
        assertEquals("secret", c.mqtt().password());
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        String bad = """
                gantry: { id: "A2/N" }
                cameras:
                  - { id: cam-1, lane: 0, source: x }
                  - { id: cam-1, lane: 2 }
                sections:
                  - id: s1
                    entry: { gantry: G1 }
                    exit: { gantry: G2 }
                    distanceM: 100
                    distanceUncertaintyM: 100
                    speedLimitKmh: 100
                    margin: XX
                sectionRules: { passageTtlHours: 100 }
                outbox: { maxBytes: 12 }
                mqtt:
                  serverUri: http://centre
                  maxInflight: 0
                  hots: typo
                  reconnectMinMillis: 5000
                  reconnectMaxMillis: 1000
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(bad));
        List<String> expectedPrefixes = List.of("gantry.id:", "cameras[0].lane:", "cameras[1].id: duplicate", "cameras[1].source:",
                "sections[0].distanceUncertaintyM:", "sections[0].margin: no preset for 'XX'", "sectionRules.passageTtlHours:",
                "outbox.maxBytes:", "mqtt.serverUri:", "mqtt.maxInflight:", "mqtt.hots: unknown field", "mqtt.reconnectMaxMillis:");
        for (String prefix : expectedPrefixes) {
            assertTrue(e.errors().stream().anyMatch(err -> err.startsWith(prefix)), "missing " + prefix + " in " + e.errors());
        }
        assertTrue(e.getMessage().contains("configuration error(s)"));
    }

    @Test
    void sectionNotInvolvingThisGantryAndUnknownCameraAreErrors() {
        String yaml = VALID.replace("exit: { gantry: A2-N-km52, camera: cam-1 }", "exit: { gantry: A2-N-km52, camera: cam-9 }")
                .replace("entry: { gantry: A2-N-km52 }", "entry: { gantry: X-1 }");
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(yaml));
        assertTrue(e.errors().contains("sections[0].exit.camera: camera 'cam-9' is not one of this gantry's cameras"), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(s -> s.startsWith("sections[1]: gantry A2-N-km52 is neither")), e.errors().toString());
    }

    @Test
    void missingRequiredPartsAndBrokenYaml() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("cameras: []\n"));
        assertTrue(e.errors().contains("gantry: required section is missing"), e.errors().toString());
        assertTrue(e.errors().contains("mqtt: required section is missing"), e.errors().toString());
        ConfigException yaml = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("gantry: [unclosed\n"));
        assertTrue(yaml.errors().get(0).startsWith("(file): not valid YAML"), yaml.errors().toString());
        ConfigException ssl = assertThrows(ConfigException.class,
                () -> AgentConfigLoader.parse(VALID.replace("tcp://centre.example:1883", "ssl://centre.example:8883")));
        assertTrue(ssl.errors().get(0).startsWith("mqtt.tls: required"), ssl.errors().toString());
    }

    @Test
    void recognitionAndReplaySettings() throws Exception {
        AgentConfig d = AgentConfigLoader.parse(VALID);
        assertEquals(org.anpr.ocr.Region.EU, d.recognition().region());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.recognition().workers());
        assertEquals(org.anpr.edge.capture.Pacing.REALTIME, d.cameras().get(0).replay());

        AgentConfig br = AgentConfigLoader.parse(VALID + "recognition: { region: BR, workers: 3 }\n");
        assertEquals(org.anpr.ocr.Region.BR, br.recognition().region());
        assertEquals(3, br.recognition().workers());
        assertEquals(org.anpr.ocr.RecognizerConfig.DEFAULT_READERS, br.recognition().readers());
        assertNull(br.recognition().neuralModel());

        AgentConfig neural = AgentConfigLoader.parse(VALID
                + "recognition: { readers: 'neural, tesseract', neuralModel: /opt/anpr/plate_reader.onnx }\n");
        assertEquals(java.util.EnumSet.of(org.anpr.ocr.PlateReaderKind.NEURAL, org.anpr.ocr.PlateReaderKind.TESSERACT),
                neural.recognition().readers());
        assertEquals(java.nio.file.Path.of("/opt/anpr/plate_reader.onnx"), neural.recognition().neuralModel());
        ConfigException readers = assertThrows(ConfigException.class,
                () -> AgentConfigLoader.parse(VALID + "recognition: { readers: 'tesseract,lstm' }\n"));
        assertTrue(readers.errors().contains("recognition.readers: unknown reader 'lstm' (known: tesseract,plate,glyphs,neural)"),
                readers.errors().toString());
        ConfigException unused = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(VALID
                + "recognition: { readers: tesseract, neuralModel: m.onnx }\n"));
        assertTrue(unused.errors().contains("recognition.neuralModel: is only read by the neural reader, which recognition.readers leaves out"),
                unused.errors().toString());
        ConfigException none = assertThrows(ConfigException.class,
                () -> AgentConfigLoader.parse(VALID + "recognition: { readers: none }\n"));
        assertTrue(none.errors().get(0).startsWith("recognition.readers: at least one reader is needed"), none.errors().toString());

        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(
                VALID.replace("lane: 1,", "lane: 1, replay: slow,") + "recognition: { region: xx, workers: 0, gpu: true }\n"));
        assertTrue(e.errors().contains("recognition.region: unknown region 'xx' (expected eu, br or us)"), e.errors().toString());
        assertTrue(e.errors().contains("recognition.workers: must be within 1..256, was 0"), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.startsWith("recognition.gpu")), e.errors().toString());
        assertTrue(e.errors().contains("cameras[0].replay: must be realtime or fast, was 'slow'"), e.errors().toString());
    }

    /** Issue 17, item 11b: a key given twice is an error naming both lines, never the last value. */
    @Test
    void aKeyGivenTwiceIsAnErrorNamingBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                gantry: { id: G1 }
                outbox:
                  maxBytes: 2147483648
                  maxBytes: 1048576
                cameras:
                  - { id: cam-1, lane: 1, source: "synthetic:1", lane: 2 }
                mqtt: { serverUri: "tcp://centre:1883" }
                mqtt: { serverUri: "tcp://other:1883" }
                """));
        assertEquals(java.util.List.of(
                "outbox: key 'maxBytes' given twice, at lines 3 and 4 (allowed: each key once)",
                "cameras[0]: key 'lane' given twice, at lines 6 and 6 (allowed: each key once)",
                "key 'mqtt' given twice, at lines 7 and 8 (allowed: each key once)"), e.errors());
    }

    /** Issue 15, item 4: a server URI Paho would take and then fail on for ever is refused by name. */
    @Test
    void aServerUriWithABadPortOrNoHostIsRefused() throws Exception {
        Path trust = Files.write(dir.resolve("ca.p12"), new byte[0]);
        for (String[] c : new String[][] {
                {"tcp://centre:notaport", "the port must be a number 1..65535, not 'notaport'"},
                {"tcp://centre:70000", "the port must be a number 1..65535, not '70000'"},
                {"tcp://:1883", "needs a host name or address"},
                {"ssl://centre:8883/anpr", "takes no path after host:port"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse("""
                    gantry: { id: G1 }
                    mqtt: { serverUri: "%s", tls: { trustStore: "%s" } }
                    """.formatted(c[0], trust)), c[0]);
            assertTrue(e.getMessage().contains("mqtt.serverUri: " + c[1]), e.getMessage());
        }
        for (String ok : new String[] {"tcp://centre.example:1883", "ssl://10.0.0.1:8883", "tcp://[::1]:1883", "tcp://centre"}) {
            assertEquals(ok, AgentConfigLoader.parse("""
                    gantry: { id: G1 }
                    mqtt: { serverUri: "%s", tls: { trustStore: "%s" } }
                    """.formatted(ok, trust)).mqtt().serverUri());
        }
    }
}
