package org.anpr.provision.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value-by-value comparison of two gantry.yaml documents, secrets hidden. */
class ConfigDiffTest {
    private static final String DEVICE = """
            # written by hand on site
            gantry: { id: G1 }
            cameras:
              - { id: cam-1, lane: 1, source: "rtsp://viewer:old@10.0.0.1/main" }
            outbox: { maxBytes: 1073741824 }
            management: { bind: 0.0.0.0, port: 5684, psk: [ { identity: G1, keyHex: 00112233445566778899aabbccddeeff } ] }
            mqtt: { serverUri: "tcp://centre:1883", password: hunter2 }
            """;

    private static List<ConfigDiff.Change> diff(String profile) {
        return ConfigDiff.between(DEVICE.getBytes(StandardCharsets.UTF_8), profile);
    }

    @Test
    void commentsOrderAndStyleDoNotCount() {
        assertEquals(List.of(), diff("""
                mqtt:
                  password: hunter2
                  serverUri: tcp://centre:1883
                gantry:
                  id: G1
                cameras:
                  - id: cam-1
                    lane: 1
                    source: rtsp://viewer:old@10.0.0.1/main
                outbox:
                  maxBytes: 1073741824
                management:
                  bind: 0.0.0.0
                  port: 5684
                  psk:
                    - identity: G1
                      keyHex: 00112233445566778899aabbccddeeff
                """));
    }

    @Test
    void changesAreListedByPathWithSecretsHidden() {
        String profile = DEVICE.replace("1073741824", "2147483648").replace("hunter2", "correct-horse")
                .replace("viewer:old@", "viewer:new@").replace("00112233445566778899aabbccddeeff", "ffeeddccbbaa99887766554433221100")
                .replace("gantry: { id: G1 }", "gantry: { id: G1 }\nsectionRules: { passageTtlHours: 24 }")
                .replace(", lane: 1", "");
        List<String> lines = diff(profile).stream().map(ConfigDiff.Change::toString).toList();
        assertEquals(List.of(
                "+ sectionRules.passageTtlHours: 24",
                "~ cameras[0].source: rtsp://***@10.0.0.1/main -> rtsp://***@10.0.0.1/main (credentials changed)",
                "~ outbox.maxBytes: 1073741824 -> 2147483648",
                "~ management.psk[0].keyHex: (secret) -> (secret) new value",
                "~ mqtt.password: (secret) -> (secret) new value",
                "- cameras[0].lane: 1"), lines);
        String all = String.join("\n", lines);
        for (String secret : List.of("hunter2", "correct-horse", "old", "new@", "0011", "ffee")) {
            assertFalse(all.contains(secret), secret + " must not be shown: " + all);
        }
    }

    @Test
    void secretsTheGantryHidesAreNotComparedButListed() {
        String redacted = DEVICE.replace("hunter2", "<redacted>").replace("viewer:old@", "viewer:<redacted>@")
                .replace("00112233445566778899aabbccddeeff", "<redacted>");
        byte[] device = redacted.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), ConfigDiff.between(device, DEVICE.replace("hunter2", "other")), "not comparable, not a change");
        assertEquals(List.of("cameras[0].source", "management.psk[0].keyHex", "mqtt.password"), ConfigDiff.hiddenSecrets(device));
        assertEquals(List.of("- mqtt.password: (secret)"), ConfigDiff.between(device, DEVICE.replace("  password: hunter2\n", "")
                .replace(", password: hunter2", "")).stream().map(ConfigDiff.Change::toString).toList(), "removing one still shows");
    }

    @Test
    void aDeviceConfigurationThatIsNotYamlIsSaidSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigDiff.between("gantry: [unclosed".getBytes(StandardCharsets.UTF_8), "gantry: { id: G1 }"));
        assertTrue(e.getMessage().startsWith("the device's configuration is not YAML"), e.getMessage());
        assertEquals("./data", ConfigDiff.value("storage: { dir: ./data }".getBytes(StandardCharsets.UTF_8), "storage.dir"));
    }
}
