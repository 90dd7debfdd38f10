package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiverMainTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return ReceiverMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesUsageAndDefaults() throws Exception {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("./anpr receiver [--config FILE]"));
        assertTrue(help.contains("SQLite under ./data, MQTT on port 1883"));
    }

    @Test
    void badArgumentsAndBadConfigurationExitWith2() throws Exception {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unexpected arguments"));
        assertEquals(2, run("--config", dir.resolve("missing.yaml").toString()));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "mqtt: { port: -1 }\n");
        assertEquals(2, run("--config", bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mqtt.port"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadCredentialsFileStopsTheStartNamingTheLine() throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "A2-N-km40:plaintext-password\n");
        Path config = dir.resolve("receiver.yaml");
        Files.writeString(config, "mqtt: { host: 127.0.0.1, port: 0 }\nhttp: { host: 127.0.0.1, port: 0 }\nauth: { credentialsFile: '" + credentials
                + "' }\nstore: { directory: '" + dir.resolve("data") + "' }\n");
        assertEquals(1, run("--config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("credentials:1:"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hashPasswordNeedsAValidGantryId() throws Exception {
        assertEquals(2, run("hash-password"));
        assertEquals(2, run("hash-password", "bad/id"));
    }

    @Test
    void hashPasswordGeneratesAMachineSecretIntoAnOwnerOnlyFileAndPrintsItsLine() throws Exception {
        Path secretFile = dir.resolve("A2-N-km40.secret");
        assertEquals(0, run("hash-password", "A2-N-km40", "--generate", secretFile.toString()));
        String secret = Files.readString(secretFile).strip();
        assertEquals(org.anpr.central.auth.PasswordHasher.MIN_SECRET_CHARS, secret.length());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("A2-N-km40:sha256-secret$"), line);
        assertTrue(!line.contains(secret), "the secret itself is printed");
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, line + "\n");
        assertTrue(org.anpr.central.auth.GantryCredentials.load(credentials).authenticate("A2-N-km40", secret.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, run("hash-password", "A2-N-km40", "--generate", secretFile.toString()), "an existing secret file is overwritten");
        assertEquals(secret, Files.readString(secretFile).strip());
    }

    /** Issue 15, item 6: what an operator must hear at start. */
    @Test
    void startupWarnsOfMissingCredentialsAndOfPlaintextOnTheNetwork() throws Exception {
        var quiet = org.anpr.central.support.TestGantries.config(dir); // loopback, a credentials file
        assertEquals(java.util.List.of(), ReceiverMain.startupWarnings(quiet));
        var exposed = quiet.withAuth(new org.anpr.central.config.AuthConfig(dir.resolve("none").resolve("credentials")))
                .withMqtt(new org.anpr.central.config.MqttConfig("0.0.0.0", 1883, 1 << 20, 64, 32, 60, 10));
        java.util.List<String> w = ReceiverMain.startupWarnings(exposed);
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("no credentials file at " + dir.resolve("none").resolve("credentials")), w.get(0));
        assertTrue(w.get(0).contains("mkdir -p " + dir.resolve("none") + " && ./anpr receiver hash-password"), w.get(0));
        assertTrue(w.get(1).startsWith("MQTT without TLS on 0.0.0.0:"), w.get(1));
    }

    /** Issue 15, item 5: a hotlist file a person can write, imported from the command line, all or nothing. */
    @Test
    void hotlistImportAppliesAValidFileAsOneVersionAndNamesEveryBadLine() throws Exception {
        Path config = dir.resolve("import.yaml");
        Files.writeString(config, "store: { directory: '" + dir.resolve("data") + "' }\n");
        Path good = Files.writeString(dir.resolve("wanted.csv"), "entry_id,plate,country,category,priority,reference\n"
                + "w-1,12-ABC-3,BE,stolen-vehicle,1,case 2026/118\n"
                + "w-2,34DEF5,NL,wanted-person,2,\n");
        assertEquals(0, run("hotlist", "import", good.toString(), "--config", config.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("hotlist version 1: 2 entries added or changed, 0 removed; 2 in all"),
                out.toString(StandardCharsets.UTF_8));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "entry_id,plate,country,category,priority\n"
                + "w-3,56GHJ7,BE,stolen-vehicle,1\n"
                + "w-4,not a plate!,BE,stolen-vehicle,1\n"
                + "w-5,78KLM9,BE,no-such-category,1\n");
        assertEquals(2, run("hotlist", "import", bad.toString(), "--config", config.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(bad + ":3: plate: "), e);
        assertTrue(e.contains(bad + ":4: category: "), e);
        assertTrue(e.contains("2 line(s) invalid; nothing was applied"), e);
        Path removal = Files.writeString(dir.resolve("remove.csv"), "entry_id,plate,category,priority,action\nw-1,,,,remove\n");
        assertEquals(0, run("hotlist", "import", removal.toString(), "--config", config.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("hotlist version 2: 0 entries added or changed, 1 removed; 1 in all"),
                "the bad file applied nothing (version 2 is the removal's): " + out.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("hotlist", "import", dir.resolve("absent.csv").toString(), "--config", config.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.csv: no such file"));
    }

    @Test
    void addOperatorCreatesTheFirstAdminFromStdinAndRefusesBadInput() throws Exception {
        Path config = dir.resolve("api.yaml");
        Files.writeString(config, "store: { directory: '" + dir.resolve("data") + "' }\n");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a proper long password\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, run("add-operator", "chief", "--role", "admin", "--config", config.toString()));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("created operator chief with role admin"), out.toString(StandardCharsets.UTF_8));
            System.setIn(new java.io.ByteArrayInputStream("a proper long password\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, run("add-operator", "chief", "--role", "admin", "--config", config.toString()), "the name is taken");
            System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(2, run("add-operator", "second", "--role", "viewer", "--config", config.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 12"), err.toString(StandardCharsets.UTF_8));
            assertEquals(2, run("add-operator", "third", "--role", "superuser", "--config", config.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("hotlist-manager"), "the allowed roles are named");
            assertEquals(2, run("add-operator", "fourth"));
        } finally {
            System.setIn(stdin);
        }
    }
}
