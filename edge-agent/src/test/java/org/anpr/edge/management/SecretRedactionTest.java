package org.anpr.edge.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.junit.jupiter.api.Test;

/** What the management channel reads back hides every secret; a push of the placeholder keeps it. */
class SecretRedactionTest {
    private static final String K1 = "00112233445566778899aabbccddeeff";
    private static final String K2 = "ffeeddccbbaa99887766554433221100";
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;
    private static final String TEMPLATE = """
            gantry: { id: G1 }
            cameras:
              - { id: cam-1, lane: 1, source: "rtsp://viewer:s3cr%40t@10.0.0.1:554/main" }
              - { id: cam-2, lane: 2, source: "synthetic:2" }
            management: { bind: 0.0.0.0, port: 5684, psk: [ { identity: tech-1, keyHex: K1 }, { identity: tech-2, keyHex: K2 } ] }
            mqtt:
              serverUri: "ssl://centre:8883"
              username: G1
              password: broker-pass
              tls: { trustStore: "CA", trustStorePassword: ca-pass }
            """.replace("keyHex: K1", "keyHex: " + K1).replace("keyHex: K2", "keyHex: " + K2);

    private static String FILE;

    @org.junit.jupiter.api.BeforeAll
    static void trustStore() throws Exception {
        java.nio.file.Path ca = java.nio.file.Files.write(dir.resolve("ca.p12"), new byte[] {1});
        FILE = TEMPLATE.replace("\"CA\"", "\"" + ca + "\"");
    }

    private static String redacted() {
        return new String(SecretRedaction.redact(FILE.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void everySecretIsReplaced() {
        String out = redacted();
        for (String secret : List.of(K1, K2, "broker-pass", "ca-pass", "s3cr%40t")) {
            assertFalse(out.contains(secret), secret + " must not be read back: " + out);
        }
        assertTrue(out.contains("rtsp://viewer:<redacted>@10.0.0.1:554/main"), out);
        assertTrue(out.contains("username: G1") && out.contains("synthetic:2") && out.contains("identity: tech-2"), out);
        assertEquals(0, SecretRedaction.redact("gantry: [unclosed".getBytes(StandardCharsets.UTF_8)).length,
                "what cannot be parsed is not handed out");
    }

    @Test
    void theReadBackDocumentPushedAgainKeepsEverySecret() throws Exception {
        byte[] pushed = redacted().replace("port: 5684", "port: 5685").getBytes(StandardCharsets.UTF_8);
        AgentConfig c = AgentConfigLoader.parse(new String(SecretRedaction.restore(pushed, FILE.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        assertEquals(5685, c.management().port());
        assertEquals("broker-pass", c.mqtt().password());
        assertEquals("ca-pass", c.mqtt().tls().trustStorePassword());
        assertEquals("rtsp://viewer:s3cr%40t@10.0.0.1:554/main", c.cameras().get(0).source());
        assertEquals(AgentConfigLoader.parse(FILE).management().accepted(), c.management().accepted(), "both keys, by identity");
    }

    @Test
    void aPlaceholderWhereTheGantryHasNoSecretIsRefusedByName() {
        byte[] pushed = redacted().replace("identity: tech-2", "identity: tech-9").replace("id: cam-1", "id: cam-7")
                .getBytes(StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> SecretRedaction.restore(pushed, FILE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("management.psk[1].keyHex: <redacted> where this gantry has no secret to keep: send the value",
                "cameras[0].source: <redacted> where this gantry has no camera password for camera 'cam-7': send the password"),
                e.errors());
    }
}
