package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anpr.central.fleet.GantryDirectory;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.provision.ProvisionMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code anpr provision render} output accepted by the real consumers: the edge agent's
 * {@link AgentConfigLoader} for {@code --format agent} and the central receiver's
 * {@link GantryDirectory} for {@code --format positions}.
 */
class ProvisionRenderTest {
    private static final Path EXAMPLES = Path.of("..", "firmware-config", "examples");

    @TempDir
    Path dir;

    private static String render(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** The TLS trust store the agent checks is readable, where --device-secrets says it is installed. */
    private Path deviceSecrets() throws Exception {
        Path d = Files.createDirectories(dir.resolve("device-secrets"));
        Files.write(d.resolve("anpr-centre-ca.p12"), new byte[] {1});
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"e40-km16.2.yaml", "e40-km20.2.yaml", "leuven-n2-in.yaml"})
    void agentYamlWithoutSecretsIsAcceptedByTheAgentsLoader(String profile) throws Exception {
        String yaml = render("render", EXAMPLES.resolve(profile).toString(), "--format", "agent",
                "--device-secrets", deviceSecrets().toString());
        AgentConfig c = AgentConfigLoader.parse(yaml);
        assertTrue(c.gantryId().startsWith(profile.startsWith("e40") ? "E40-E-" : "LEU-N2-in"), c.gantryId());
        assertEquals(profile.startsWith("e40") ? 3 : 2, c.cameras().size());
        assertEquals("ssl://mqtt.anpr-centre.example:8883", c.mqtt().serverUri());
        assertEquals(c.gantryId(), c.mqtt().username());
        assertNull(c.mqtt().password(), "secrets left out");
        assertNull(c.management(), "the agent needs a PSK, left out without --with-secrets");
        assertEquals(2L << 30, c.outboxLimits().maxBytes());
        assertEquals(100_000, c.sectionSettings().clockBoundMicros());
        assertEquals(deviceSecrets().resolve("anpr-centre-ca.p12"), c.mqtt().tls().trustStore());
        if (profile.startsWith("e40")) {
            SectionDefinition s = c.sections().get(0);
            assertEquals("E40-E-km16.2-km20.2", s.id());
            assertEquals("E40-E-km16.2", s.entryGantryId());
            assertEquals("E40-E-km20.2", s.exitGantryId());
            assertEquals(4012.4, s.distanceM());
            assertEquals(1.5, s.distanceUncertaintyM());
            assertEquals(120, s.speedLimitKmh());
        } else {
            assertEquals(List.of(), c.sections());
        }
    }

    @Test
    void agentYamlWithSecretsCarriesThemIntoTheAgent() throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.toList()) {
                Files.copy(f, examples.resolve(f.getFileName()));
            }
        }
        Path secrets = Files.createDirectories(examples.resolve("secrets"));
        Files.writeString(secrets.resolve("E40-E-km16.2-cameras"), "viewer:s3cret\n");
        Files.writeString(secrets.resolve("E40-E-km16.2-mqtt.pass"), "broker-pass\n");
        Files.writeString(secrets.resolve("E40-E-km16.2.psk"), "000102030405060708090a0b0c0d0e0f\n");
        Files.writeString(secrets.resolve("anpr-centre-ca.pass"), "ca-pass\n");
        Files.writeString(secrets.resolve("LEU-N2-in-cameras"), "viewer:s3cret\n");
        Files.writeString(secrets.resolve("LEU-N2-in-mqtt.pass"), "broker-pass\n");
        Files.writeString(secrets.resolve("LEU-N2-in.psk"), "000102030405060708090a0b0c0d0e0f\n");
        AgentConfig leuven = AgentConfigLoader.parse(render("render", examples.resolve("leuven-n2-in.yaml").toString(), "--format",
                "agent", "--with-secrets", "--device-secrets", deviceSecrets().toString()));
        assertEquals(List.of(new org.anpr.edge.config.ManagementSettings.Loopback("flash->door", 17, 22, false)),
                leuven.management().loopbacks(), "the profile's commissioning plug, as BCM pins");
        String yaml = render("render", examples.resolve("e40-km16.2.yaml").toString(), "--format", "agent", "--with-secrets",
                "--device-secrets", deviceSecrets().toString());
        AgentConfig c = AgentConfigLoader.parse(yaml);
        assertEquals("rtsp://viewer:s3cret@10.40.16.11:554/h264/main", c.cameras().get(0).source());
        assertEquals("broker-pass", c.mqtt().password());
        assertEquals("ca-pass", c.mqtt().tls().trustStorePassword());
        assertEquals(5684, c.management().port());
        assertEquals("E40-E-km16.2", c.management().accepted().get(0).identity());
        assertEquals(List.of(), c.management().loopbacks());
    }

    @Test
    void positionsOfTheExampleNetworkAreLoadedByTheCentralDirectory() throws Exception {
        Path file = dir.resolve("gantries.yaml");
        render("render", EXAMPLES.toString(), "--format", "positions", "--out", file.toString());
        GantryDirectory d = GantryDirectory.load(file);
        assertEquals(3, d.all().size());
        GantryDirectory.Gantry exit = d.find("E40-E-km20.2").orElseThrow();
        assertEquals(50.8608, exit.latitude());
        assertEquals(4.6463, exit.longitude());
        assertEquals("E40", exit.road());
        assertEquals("E40 Heverlee, towards Liège, km 20.2", exit.name());
        assertEquals("N2", d.find("LEU-N2-in").orElseThrow().road());
    }
}
