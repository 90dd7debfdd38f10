package org.anpr.edge.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ManagementSettings;
import org.junit.jupiter.api.Test;

/** Kura's flat properties as the gantry.yaml the agent's own loader checks. */
class KuraPropertiesTest {
    private static Map<String, Object> minimal() {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", EdgeAgentComponent.PID);
        p.put("kura.service.pid", EdgeAgentComponent.PID);
        p.put("component.name", EdgeAgentComponent.PID);
        p.put("component.id", 7L);
        p.put("gantry.id", "G-1");
        p.put("cameras.id", new String[] {"cam-1", "cam-2"});
        p.put("cameras.lane", new Integer[] {1, 2});
        p.put("cameras.source", new String[] {"synthetic:1", "rtsp://10.0.0.2/main"});
        p.put("mqtt.serverUri", "tcp://centre:1883");
        // what Kura passes for attributes left at their defaults / empty
        p.put("management.bind", "0.0.0.0");
        p.put("management.port", 5684);
        p.put("management.psk.identity", new String[0]);
        p.put("alertOutput.pulseMillis", 2000);
        p.put("alertOutput.maxPriority", 9);
        p.put("mqtt.username", "");
        return p;
    }

    @Test
    void parallelArraysBecomeListsAndKurasOwnPropertiesAreLeftOut() throws Exception {
        String yaml = KuraProperties.toGantryYaml(minimal());
        assertFalse(yaml.contains("service.pid") || yaml.contains("component"), yaml);
        AgentConfig c = AgentConfigLoader.parse(yaml);
        assertEquals("G-1", c.gantryId());
        assertEquals(2, c.cameras().size());
        assertEquals("rtsp://10.0.0.2/main", c.cameras().get(1).source());
        assertEquals(2, c.cameras().get(1).lane());
        assertEquals(null, c.management(), "no technician key: no management block (not an error for its defaults)");
        assertEquals(null, c.alertOutput(), "no beacon pin: no alert output");
        assertEquals(null, c.mqtt().username(), "an empty value is an unset one");
        assertEquals(org.anpr.ocr.RecognizerConfig.DEFAULT_READERS, c.recognition().readers());

        Map<String, Object> neural = minimal();
        neural.put("recognition.readers", "neural,glyphs");
        neural.put("hotlist.alertMinConfidence", 0.8d);
        assertEquals(java.util.EnumSet.of(org.anpr.ocr.PlateReaderKind.NEURAL, org.anpr.ocr.PlateReaderKind.GLYPHS),
                AgentConfigLoader.parse(KuraProperties.toGantryYaml(neural)).recognition().readers());
        assertEquals(0.8, AgentConfigLoader.parse(KuraProperties.toGantryYaml(neural)).alertMinConfidence());
    }

    @Test
    void nestedListsAndPrimitiveArrays() throws Exception {
        Map<String, Object> p = minimal();
        p.put("management.psk.identity", new String[] {"tech-1"});
        p.put("management.psk.keyHex", new String[] {"00112233445566778899aabbccddeeff"});
        p.put("management.loopbacks.drive", new int[] {17});
        p.put("management.loopbacks.sense", new int[] {22});
        p.put("management.loopbacks.inverted", new boolean[] {true});
        p.put("sections.id", new String[] {"S1"});
        p.put("sections.entry.gantry", new String[] {"G-0"});
        p.put("sections.entry.camera", new String[] {""});
        p.put("sections.exit.gantry", new String[] {"G-1"});
        p.put("sections.exit.camera", new String[] {"cam-1"});
        p.put("sections.distanceM", new double[] {4012.4});
        p.put("sections.speedLimitKmh", new double[] {120});
        p.put("sections.margin.country", new String[] {"BE"});
        p.put("sections.margin.absoluteKmh", new double[] {6});
        p.put("sections.margin.thresholdKmh", new double[] {100});
        p.put("sections.margin.percent", new double[] {6});
        AgentConfig c = AgentConfigLoader.parse(KuraProperties.toGantryYaml(p));
        assertEquals("tech-1", c.management().accepted().get(0).identity());
        assertEquals(List.of(new ManagementSettings.Loopback("BCM17->BCM22", 17, 22, true)), c.management().loopbacks());
        assertEquals("G-0", c.sections().get(0).entryGantryId());
        assertEquals(4012.4, c.sections().get(0).distanceM());
    }

    @Test
    void errorsNameTheKuraPropertyOrTheGantryYamlField() {
        Map<String, Object> p = minimal();
        p.put("cameras.lane", new Integer[] {1});
        ConfigException e = assertThrows(ConfigException.class, () -> KuraProperties.toGantryYaml(p));
        assertEquals(List.of("cameras.lane: 1 value(s), but the other cameras.* properties have 2 (one value per item, in the same order)"),
                e.errors());
        Map<String, Object> q = minimal();
        q.put("cameras.lane", new Integer[] {1, 99});
        ConfigException loader = assertThrows(ConfigException.class, () -> AgentConfigLoader.parse(KuraProperties.toGantryYaml(q)));
        assertTrue(loader.errors().contains("cameras[1].lane: must be within 1..64, was 99"), loader.errors().toString());
        Map<String, Object> r = minimal();
        r.put("gantry.id", new String[] {"a", "b"});
        assertEquals(List.of("gantry.id: one value expected, got a list"),
                assertThrows(ConfigException.class, () -> KuraProperties.toGantryYaml(r)).errors());
    }
}
