package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.anpr.central.config.ConfigException;
import org.anpr.central.config.ConfigLoader;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private ReceiverConfig load(String yaml) throws Exception {
        Path f = dir.resolve("receiver.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    @Test
    void embeddedDefaultsAreValidAndDocumented() throws Exception {
        ReceiverConfig d = ConfigLoader.validate(ReceiverConfig.DEFAULTS);
        assertEquals(1883, d.mqtt().port());
        assertEquals(Path.of("data"), d.store().directory());
        assertEquals(Duration.ofDays(365), d.retention().reads());
        assertEquals(d, load("# nothing set\n"));
    }

    @Test
    void fileOverridesOnlyWhatItSets() throws Exception {
        ReceiverConfig c = load("""
                mqtt: { port: 8883, maxInflightPerClient: 8 }
                store: { directory: /var/lib/anpr }
                retention: { reads: 90d, interval: PT15M }
                """);
        assertEquals(8883, c.mqtt().port());
        assertEquals(8, c.mqtt().maxInflightPerClient());
        assertEquals(ReceiverConfig.DEFAULTS.mqtt().maxMessageBytes(), c.mqtt().maxMessageBytes());
        assertEquals(Path.of("/var/lib/anpr"), c.store().directory());
        assertEquals(Duration.ofDays(90), c.retention().reads());
        assertEquals(Duration.ofMinutes(15), c.retention().interval());
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                mqtt: { port: 70000, maxInflight: 3 }
                store: { highWaterMark: 10, lowWaterMark: 20 }
                retention: { reads: soon }
                """));
        String m = e.getMessage();
        assertTrue(m.contains("mqtt.maxInflight: unknown setting"), m);
        assertTrue(m.contains("retention.reads: not a duration"), m);
        ConfigException range = assertThrows(ConfigException.class, () -> load("mqtt: { port: 70000 }\n"));
        assertTrue(range.getMessage().contains("mqtt.port: must be 0..65535, was 70000"), range.getMessage());
        ConfigException marks = assertThrows(ConfigException.class, () -> load("store: { highWaterMark: 10, lowWaterMark: 20 }\n"));
        assertTrue(marks.getMessage().contains("store.lowWaterMark: must be below store.highWaterMark"), marks.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> load("store: { maxBatch: lots }\n"));
        assertTrue(type.getMessage().contains("store.maxBatch: must be a whole number"), type.getMessage());
    }

    @Test
    void theStoreTypeSelectsPostgresqlWithItsConnection() throws Exception {
        assertEquals(StoreConfig.Type.SQLITE, ReceiverConfig.DEFAULTS.store().type());
        ReceiverConfig c = load("""
                store:
                  type: postgresql
                  postgresql: { url: "jdbc:postgresql://db.example:5432/anpr", user: ams, password: s3cret }
                """);
        assertEquals(StoreConfig.Type.POSTGRESQL, c.store().type());
        assertEquals(new StoreConfig.PostgresConfig("jdbc:postgresql://db.example:5432/anpr", "ams", "s3cret"), c.store().postgresql());
        assertTrue(!c.store().postgresql().toString().contains("s3cret"), "no password in logs");
        String m = assertThrows(ConfigException.class, () -> load("""
                store: { type: oracle, postgresql: { url: "jdbc:mysql://x", pass: y } }
                """)).getMessage();
        assertTrue(m.contains("store.type: must be sqlite or postgresql, was 'oracle'"), m);
        assertTrue(m.contains("store.postgresql.pass: unknown setting"), m);
        String url = assertThrows(ConfigException.class, () -> load("store: { type: postgresql, postgresql: { url: \"jdbc:mysql://x\" } }\n"))
                .getMessage();
        assertTrue(url.contains("store.postgresql.url: must be a jdbc:postgresql: URL"), url);
    }

    /** Issue 17, item 11b: a key given twice is an error, never the last value. */
    @Test
    void aKeyGivenTwiceIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("receiver.yaml");
        java.nio.file.Files.writeString(file, "mqtt:\n  port: 1883\n  port: 1884\n");
        org.anpr.central.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.anpr.central.config.ConfigException.class, () -> org.anpr.central.config.ConfigLoader.load(file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Duplicate field 'port'") && e.getMessage().contains("line: 3"),
                e.getMessage());
    }

    @Test
    void sectionsAreReadAndCheckedRouteByRoute() throws Exception {
        ReceiverConfig c = load("""
                sections:
                  maxHold: 12h
                  routes:
                    - { id: A2-km40-km52, entry: A2-N-km40, exit: A2-N-km52 }
                """);
        assertEquals(1, c.sections().routes().size());
        assertEquals("A2-N-km52", c.sections().routes().get(0).exit());
        assertEquals(Duration.ofHours(12), c.sections().maxHold());
        assertEquals(ReceiverConfig.DEFAULTS.sections().maxHeldPerExit(), c.sections().maxHeldPerExit());
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                sections:
                  routes:
                    - { id: S1, entry: G1, exit: G2 }
                    - { id: S1, entry: G3, exit: G3 }
                    - { entry: G4 }
                """));
        String m = e.getMessage();
        assertTrue(m.contains("sections.routes[1].id: section 'S1' is configured twice"), m);
        assertTrue(m.contains("sections.routes[1]: entry and exit are the same gantry 'G3'"), m);
        assertTrue(m.contains("sections.routes[2].id: required"), m);
        assertTrue(m.contains("sections.routes[2].exit: required"), m);
        m = assertThrows(ConfigException.class, () -> load("sections: { routes: [ { id: S1, entry: G1, exit: G2, speed: 100 } ] }\n"))
                .getMessage();
        assertTrue(m.contains("sections.routes[0].speed: unknown setting"), m);
    }
}
