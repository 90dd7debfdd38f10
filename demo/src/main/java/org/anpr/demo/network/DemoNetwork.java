package org.anpr.demo.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.config.SectionsConfig.Route;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.edge.section.SigningKeyCommand;
import org.anpr.provision.ProvisionMain;

/**
 * The demo's road network: the provisioning tool's example profiles (the E40 section from km 16.2
 * to km 20.2 and the Leuven N2 city entrance) rendered by its own renderer, exactly as a technician
 * would, then pointed at this machine: synthetic cameras instead of RTSP, the local centre over
 * plain MQTT on loopback, a password, and the exit gantry's violation-signing key.
 */
public final class DemoNetwork {
    /** The profiles the demo runs, in the folder of examples. */
    public static final List<String> PROFILES = List.of("e40-km16.2.yaml", "e40-km20.2.yaml", "leuven-n2-in.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One gantry of the network: its rendered and adapted configuration. */
    public record Gantry(String id, String yaml, AgentConfig config) {
    }

    private final List<Gantry> gantries;
    private final Path positionsFile;
    private final List<String> signingKeyLines;

    private DemoNetwork(List<Gantry> gantries, Path positionsFile, List<String> signingKeyLines) {
        this.gantries = gantries;
        this.positionsFile = positionsFile;
        this.signingKeyLines = signingKeyLines;
    }

    /** The examples folder: beside the checkout's root ({@code anpr.root}, set by ./anpr) or found from here. */
    public static Path examples() {
        String root = System.getProperty("anpr.root");
        for (Path p : root != null ? List.of(Path.of(root, "firmware-config", "examples"))
                : List.of(Path.of("firmware-config", "examples"), Path.of("..", "firmware-config", "examples"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the provisioning tool's example profiles (firmware-config/examples) are not found"
                + (root != null ? " under " + root : " from " + Path.of("").toAbsolutePath()));
    }

    /**
     * Renders every profile and adapts it to this machine.
     *
     * @param dir       where each gantry keeps its data (a folder per gantry), the positions and the keys
     * @param mqttPorts where each gantry reaches the centre's plain MQTT on loopback (the centre's port, or
     *                  a proxy in front of it), in {@link #PROFILES} order
     * @param passwords the MQTT password of each gantry, in {@link #PROFILES} order
     */
    public static DemoNetwork render(Path examples, Path dir, List<Integer> mqttPorts, List<char[]> passwords) throws IOException, ConfigException {
        List<Gantry> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < PROFILES.size(); i++) {
            String rendered = provision("render", examples.resolve(PROFILES.get(i)).toString(), "--format", "agent");
            ObjectNode tree = (ObjectNode) YAML.readTree(rendered);
            String id = tree.path("gantry").path("id").asText();
            Path data = Files.createDirectories(dir.resolve(id));
            tree.putObject("storage").put("dir", data.toString());
            for (var camera : (ArrayNode) tree.path("cameras")) {
                ((ObjectNode) camera).put("source", "synthetic"); // the demo hands the rig its scheduled cameras
            }
            ObjectNode mqtt = (ObjectNode) tree.path("mqtt");
            mqtt.put("serverUri", "tcp://127.0.0.1:" + mqttPorts.get(i)).put("password", new String(passwords.get(i))).put("heartbeatSeconds", 2);
            mqtt.remove("tls");
            // the three gantries share this machine's clock; the demo stamps reads synchronised with it
            ((ObjectNode) tree.path("clock")).put("source", "none");
            tree.putObject("recognition").put("region", "eu").put("workers", 1);
            if (exitOfASection(tree, id)) {
                Path key = data.resolve("violation-signing.pem");
                Path line = data.resolve("violation-signing.centre-line"); // a kept folder's earlier run made the key
                if (!Files.exists(key)) {
                    Files.writeString(line, signingKey(key, id) + "\n");
                }
                keys.add(Files.readString(line).trim());
                ((ObjectNode) tree.path("sectionRules")).put("signingKeyFile", key.toString());
            }
            String yaml = YAML.writeValueAsString(tree);
            out.add(new Gantry(id, yaml, AgentConfigLoader.parse(yaml)));
        }
        Path positions = dir.resolve("gantries.yaml");
        provision("render", examples.toString(), "--format", "positions", "--out", positions.toString());
        return new DemoNetwork(List.copyOf(out), positions, keys);
    }

    public List<Gantry> gantries() {
        return gantries;
    }

    /** A fresh machine secret for each of the {@link #PROFILES}, in their order (their MQTT passwords). */
    public static List<char[]> newSecrets() {
        List<char[]> out = new ArrayList<>();
        for (int i = 0; i < PROFILES.size(); i++) {
            out.add(org.anpr.central.auth.PasswordHasher.generateSecret());
        }
        return out;
    }

    /** Each gantry's id with its MQTT secret, from the secrets in {@link #PROFILES} order (the centre's accounts). */
    public java.util.Map<String, char[]> accounts(List<char[]> secrets) {
        java.util.Map<String, char[]> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < gantries.size(); i++) {
            out.put(gantries.get(i).id(), secrets.get(i));
        }
        return out;
    }

    /** The positions and names of the gantries for the centre's map ({@code http.gantriesFile}). */
    public Path positionsFile() {
        return positionsFile;
    }

    /** The centre's {@code sections.routes}: each section's entry and exit, from the gantries' configurations. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Gantry g : gantries) {
            for (SectionDefinition s : g.config().sections()) {
                Route r = new Route(s.id(), s.entryGantryId(), s.exitGantryId());
                if (!routes.contains(r)) {
                    routes.add(r);
                }
            }
        }
        return routes;
    }

    /** The section of the network (the demo has one). */
    public SectionDefinition section() {
        return gantries.stream().flatMap(g -> g.config().sections().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the example network has no speed section"));
    }

    /** The centre's {@code sections.signingKeysFile} lines: the exit gantries' public keys. */
    public List<String> signingKeyLines() {
        return signingKeyLines;
    }

    private static boolean exitOfASection(ObjectNode tree, String id) {
        for (var s : tree.path("sections")) {
            if (s.path("exit").path("gantry").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String signingKey(Path file, String gantryId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SigningKeyCommand.run(new String[] {"signing-key", file.toString(), "--gantry", gantryId},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IOException("signing key for " + gantryId + ": " + err.toString(StandardCharsets.UTF_8).trim());
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private static String provision(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0) {
            throw new IOException("anpr provision " + String.join(" ", args) + ": " + err.toString().trim());
        }
        return out.toString();
    }
}
