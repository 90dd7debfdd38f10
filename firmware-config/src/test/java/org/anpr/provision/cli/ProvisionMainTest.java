package org.anpr.provision.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.ProvisionMain;
import org.anpr.provision.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code anpr provision} run in-process: exit codes, the text and JSON output, help everywhere. */
class ProvisionMainTest {
    /** One run's exit code and streams. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String broken(String name) {
        return TestFiles.broken().resolve(name).toString();
    }

    @Test
    void validExamplesExitZero() {
        Run r = run("validate", "examples");
        assertEquals(0, r.code(), r.err());
        assertEquals("3 profiles valid: E40-E-km16.2, E40-E-km20.2, LEU-N2-in (1 network checked)\n", r.out());
        assertFalse(r.out().contains("\u001B["), "no colour when not a terminal");
    }

    @Test
    void anInvalidProfilePrintsCompilerStyleLinesAndExitsOne() {
        String file = broken("duplicate-camera-id.yaml");
        Run r = run("validate", file);
        assertEquals(1, r.code());
        assertEquals(file + ":9:9: cameras[1].id: duplicate camera id 'cam-1' (first at line 6)\n1 error in 1 profile\n", r.out());
    }

    @Test
    void errorsOfSeveralPathsAreSortedByFileAndLine() {
        Run r = run("validate", broken("wrong-type-text.yaml"), broken("bad-gantry-id.yaml"), "examples");
        assertEquals(1, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(broken("bad-gantry-id.yaml") + ":5:7: gantry.id: "), lines.get(0));
        assertTrue(lines.get(1).startsWith(broken("wrong-type-text.yaml") + ":7:11: cameras[0].lane: wrong type"), lines.get(1));
        assertEquals("2 errors in 5 profiles, 1 network checked", lines.get(2));
    }

    @Test
    void jsonForScripts() throws Exception {
        Run r = run("validate", "--json", broken("section-too-short.yaml"));
        assertEquals(1, r.code());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("valid").asBoolean());
        JsonNode e = j.get("errors").get(0);
        assertEquals(9, e.get("line").asInt());
        assertEquals(16, e.get("column").asInt());
        assertEquals("sections[0].distanceM", e.get("field").asText());
        assertEquals("320 m is below 500 m, the legal minimum for section control", e.get("problem").asText());
        assertEquals("a number from 500 m to 100000 m", e.get("allowed").asText());
        Run ok = run("validate", "--json", "examples");
        assertEquals(0, ok.code());
        assertTrue(new ObjectMapper().readTree(ok.out()).get("valid").asBoolean());
    }

    @Test
    void colourOnRequest() {
        Run r = run("validate", "--color=always", broken("lat-out-of-range.yaml"));
        assertEquals(1, r.code());
        assertTrue(r.out().contains("\u001B[31m"), "red problem: " + r.out());
        assertEquals(run("validate", "--color=never", broken("lat-out-of-range.yaml")).out(),
                r.out().replaceAll("\u001B\\[[0-9;]*m", ""), "the same text without the escapes");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("validate").code(), "no PATH");
        Run missing = run("validate", "no/such/profile.yaml");
        assertEquals(2, missing.code());
        assertEquals("anpr provision validate: no such file or folder: no/such/profile.yaml\n", missing.err());
        assertEquals(2, run("validate", "--frobnicate", "examples").code());
        assertEquals(2, run("validate", "--color=sometimes", "examples").code());
        assertEquals(2, run().code(), "no command");
        assertEquals(2, run("fly").code(), "unknown command");
    }

    @Test
    void aFolderWithoutProfilesIsAUsageError(@TempDir Path empty) {
        Run r = run("validate", empty.toString());
        assertEquals(2, r.code());
        assertEquals("anpr provision validate: no profiles (*.yaml) in folder " + empty + "\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "schema", "render", "diff", "push", "commission", "keys"})
    void helpEverywhere(String command) {
        Run r = command.isEmpty() ? run("--help") : run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: anpr provision"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"diff", "push", "commission"})
    void aDeviceMustBeCoapsWithAHostOnly(String command) {
        for (String device : List.of("coap://10.40.16.2", "http://10.40.16.2", "coaps:///x", "coaps://u@10.40.16.2",
                "coaps://10.40.16.2/config", "not a uri")) {
            Run r = run(command, "examples/e40-km16.2.yaml", "--device", device);
            assertEquals(ExitCodes.USAGE, r.code(), device + ": " + r.err());
            assertTrue(r.err().startsWith("anpr provision " + command + ": --device " + device + ": "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void anInvalidProfileIsNeverSent() {
        String file = broken("duplicate-camera-id.yaml");
        Run r = run("push", file, "--device", "coaps://127.0.0.1:9", "--yes");
        assertEquals(ExitCodes.INVALID, r.code());
        assertTrue(r.err().contains(file + ":9:9: cameras[1].id: duplicate camera id"), r.err());
        assertTrue(r.err().endsWith("anpr provision push: the profile is invalid; nothing was done\n"), r.err());
    }

    @Test
    void withoutItsKeyFileNoDeviceIsContacted() {
        Run r = run("diff", "examples/e40-km16.2.yaml", "--device", "coaps://127.0.0.1:9");
        assertEquals(ExitCodes.INVALID, r.code());
        assertTrue(r.err().contains("cannot read the secret referenced by management.pskFile"), r.err());
    }

    @Test
    void aDeviceThatDoesNotAnswerExitsFive(@TempDir Path dir) throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("commission", examples.resolve("e40-km16.2.yaml").toString(), "--device",
                    "coaps://127.0.0.1:" + silent.getLocalPort(), "--timeout", "1", "--out", dir.resolve("report").toString());
            assertEquals(ExitCodes.DEVICE_UNREACHABLE, r.code(), r.err());
            assertTrue(r.err().contains("coaps://127.0.0.1:" + silent.getLocalPort()), r.err());
            assertFalse(java.nio.file.Files.exists(dir.resolve("report")), "no report without a device");
        }
    }

    @Test
    void schemaPrintsTheJsonSchema() throws Exception {
        Run r = run("schema");
        assertEquals(0, r.code());
        assertEquals("urn:org.anpr:provision:gantry-profile:v1", new ObjectMapper().readTree(r.out()).get("$id").asText());
    }
}
