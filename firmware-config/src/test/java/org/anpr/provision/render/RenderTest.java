package org.anpr.provision.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.anpr.provision.ProvisionMain;
import org.anpr.provision.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code render --format agent|kura|positions}: output parsed back and checked value by value. */
class RenderTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String example(String name) {
        return TestFiles.examples().resolve(name).toString();
    }

    @Test
    void agentYamlOfTheSectionEntry() throws Exception {
        Run r = run("render", example("e40-km16.2.yaml"), "--format", "agent");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# not rendered (no gantry.yaml key): gantry.site, gantry.position, gantry.road/carriageway/direction/km, "
                + "gantry.controller, cameras[].view/resolution/roi/exposure, gpio, radar, management.host"), r.out());
        assertTrue(r.out().contains("#   mqtt.password: the contents of secrets/E40-E-km16.2-mqtt.pass"), r.out());
        assertTrue(r.out().contains("#   mqtt.tls.trustStorePassword: the contents of secrets/anpr-centre-ca.pass"), r.out());
        assertTrue(r.out().contains("keyHex: <hex of secrets/E40-E-km16.2.psk>"), r.out());
        JsonNode y = YAML.readTree(r.out());
        assertEquals("E40-E-km16.2", y.at("/gantry/id").asText());
        assertEquals("./data", y.at("/storage/dir").asText());
        assertEquals(3, y.get("cameras").size());
        assertEquals("cam-2", y.at("/cameras/1/id").asText());
        assertEquals(2, y.at("/cameras/1/lane").asInt());
        assertEquals("rtsp://10.40.16.12:554/h264/main", y.at("/cameras/1/source").asText());
        assertNull(y.get("management"), "no PSK without --with-secrets, and the agent needs one");
        JsonNode s = y.at("/sections/0");
        assertEquals("E40-E-km16.2-km20.2", s.get("id").asText());
        assertEquals("E40-E-km16.2", s.at("/entry/gantry").asText());
        assertEquals("E40-E-km20.2", s.at("/exit/gantry").asText());
        assertEquals(4012.4, s.get("distanceM").asDouble());
        assertEquals(1.5, s.get("distanceUncertaintyM").asDouble());
        assertEquals(120, s.get("speedLimitKmh").asDouble());
        assertEquals("BE", s.at("/margin/country").asText());
        assertEquals(6, s.at("/margin/percent").asDouble());
        assertEquals(24, y.at("/sectionRules/passageTtlHours").asInt());
        assertEquals(100000, y.at("/clock/syncBoundMicros").asLong());
        assertEquals(2147483648L, y.at("/outbox/maxBytes").asLong());
        assertEquals("ssl://mqtt.anpr-centre.example:8883", y.at("/mqtt/serverUri").asText());
        assertEquals("E40-E-km16.2", y.at("/mqtt/clientId").asText());
        assertEquals("E40-E-km16.2", y.at("/mqtt/username").asText());
        assertTrue(y.at("/mqtt/password").isMissingNode());
        assertEquals("/etc/anpr/secrets/anpr-centre-ca.p12", y.at("/mqtt/tls/trustStore").asText());
        assertTrue(y.at("/mqtt/tls/trustStorePassword").isMissingNode());
    }

    @Test
    void agentYamlOfTheCityEntranceHasNoSections() throws Exception {
        Run r = run("render", example("leuven-n2-in.yaml"), "--format", "agent", "--storage-dir", "/var/lib/anpr");
        assertEquals(0, r.code(), r.err());
        JsonNode y = YAML.readTree(r.out());
        assertEquals("LEU-N2-in", y.at("/gantry/id").asText());
        assertEquals("/var/lib/anpr", y.at("/storage/dir").asText());
        assertEquals("http://10.51.2.22/mjpg/video.mjpg", y.at("/cameras/1/source").asText());
        assertNull(y.get("sections"));
        assertFalse(r.out().contains("radar"), "no radar in this profile, so none listed");
    }

    @Test
    void withSecretsTheFilesAreReadIn(@TempDir Path dir) throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Path out = dir.resolve("gantry.yaml");
        Run r = run("render", examples.resolve("e40-km16.2.yaml").toString(), "--format", "agent", "--with-secrets",
                "--device-secrets", "/opt/anpr/secrets/", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        String text = Files.readString(out);
        assertFalse(text.contains("secrets left out"), text);
        JsonNode y = YAML.readTree(text);
        assertEquals("rtsp://viewer:p%40ss%20word@10.40.16.11:554/h264/main", y.at("/cameras/0/source").asText());
        assertEquals("mqtt-E40-E-km16.2", y.at("/mqtt/password").asText());
        assertEquals("ca-pass", y.at("/mqtt/tls/trustStorePassword").asText());
        assertEquals("/opt/anpr/secrets/anpr-centre-ca.p12", y.at("/mqtt/tls/trustStore").asText());
        assertEquals("0.0.0.0", y.at("/management/bind").asText());
        assertEquals(5684, y.at("/management/port").asInt());
        assertEquals("E40-E-km16.2", y.at("/management/psk/0/identity").asText());
        assertEquals("00112233445566778899aabbccddeeff", y.at("/management/psk/0/keyHex").asText());
    }

    @Test
    void aMissingSecretFileIsAnError(@TempDir Path dir) throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Files.delete(examples.resolve("secrets/E40-E-km20.2-mqtt.pass"));
        Run r = run("render", examples.resolve("e40-km20.2.yaml").toString(), "--format", "agent", "--with-secrets");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("E40-E-km20.2-mqtt.pass: cannot read the secret referenced by mqtt.passwordFile"), r.err());
        assertEquals("", r.out());
    }

    /** name -> [type, array, values...] of every property in the snapshot. */
    static Map<String, List<String>> kuraProperties(String xml, String expectedPid) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertEquals(KuraSnapshotRenderer.ESF_NS, root.getNamespaceURI());
        assertEquals("configurations", root.getLocalName());
        NodeList configs = root.getElementsByTagNameNS(KuraSnapshotRenderer.ESF_NS, "configuration");
        assertEquals(1, configs.getLength());
        Element c = (Element) configs.item(0);
        assertEquals(expectedPid, c.getAttribute("pid"));
        NodeList props = c.getElementsByTagNameNS(KuraSnapshotRenderer.ESF_NS, "property");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            assertEquals("properties", p.getParentNode().getLocalName());
            List<String> v = new ArrayList<>(List.of(p.getAttribute("type"), p.getAttribute("array")));
            NodeList values = p.getElementsByTagNameNS(KuraSnapshotRenderer.ESF_NS, "value");
            for (int j = 0; j < values.getLength(); j++) {
                v.add(values.item(j).getTextContent());
            }
            assertEquals("false", p.getAttribute("encrypted"));
            out.put(p.getAttribute("name"), v);
        }
        return out;
    }

    @Test
    void kuraSnapshotOfTheSectionExit() throws Exception {
        Run r = run("render", example("e40-km20.2.yaml"), "--format", "kura");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("<?xml"), r.out());
        Map<String, List<String>> p = kuraProperties(r.out(), KuraSnapshotRenderer.PID);
        assertEquals(List.of("String", "false", "E40-E-km20.2"), p.get("gantry.id"));
        assertEquals(List.of("String", "true", "cam-1", "cam-2", "cam-3"), p.get("cameras.id"));
        assertEquals(List.of("Integer", "true", "1", "2", "3"), p.get("cameras.lane"));
        assertEquals(List.of("String", "true", "E40-E-km16.2"), p.get("sections.entry.gantry"));
        assertEquals(List.of("String", "true", "E40-E-km20.2"), p.get("sections.exit.gantry"));
        assertEquals(List.of("Double", "true", "4012.4"), p.get("sections.distanceM"));
        assertEquals(List.of("String", "true", "BE"), p.get("sections.margin.country"));
        assertEquals(List.of("Long", "false", "2147483648"), p.get("outbox.maxBytes"));
        assertEquals(List.of("Long", "false", "100000"), p.get("clock.syncBoundMicros"));
        assertEquals(List.of("String", "false", "ssl://mqtt.anpr-centre.example:8883"), p.get("mqtt.serverUri"));
        assertNull(p.get("mqtt.password"));
        assertNull(p.get("management.port"));
    }

    @Test
    void kuraSnapshotWithSecretsTypesThemAsPasswords(@TempDir Path dir) throws Exception {
        Path examples = TestFiles.examplesWithSecrets(dir);
        Run r = run("render", examples.resolve("leuven-n2-in.yaml").toString(), "--format", "kura", "--with-secrets");
        assertEquals(0, r.code(), r.err());
        Map<String, List<String>> p = kuraProperties(r.out(), KuraSnapshotRenderer.PID);
        assertEquals(List.of("Password", "false", "mqtt-LEU-N2-in"), p.get("mqtt.password"));
        assertEquals(List.of("Password", "true", "00112233445566778899aabbccddeeff"), p.get("management.psk.keyHex"));
        assertEquals(List.of("String", "true", "LEU-N2-in"), p.get("management.psk.identity"));
        assertEquals(List.of("Integer", "false", "5684"), p.get("management.port"));
        assertNull(p.get("sections.id"));
    }

    @Test
    void positionsOfTheExampleNetwork() throws Exception {
        Run r = run("render", TestFiles.examples().toString(), "--format", "positions");
        assertEquals(0, r.code(), r.err());
        JsonNode g = YAML.readTree(r.out()).get("gantries");
        assertEquals(List.of("E40-E-km16.2", "E40-E-km20.2", "LEU-N2-in"), iterate(g));
        assertEquals("E40 Bertem, towards Liège, km 16.2", g.at("/E40-E-km16.2/name").asText());
        assertEquals(50.8629, g.at("/E40-E-km16.2/latitude").asDouble());
        assertEquals(4.5898, g.at("/E40-E-km16.2/longitude").asDouble());
        assertEquals("E40", g.at("/E40-E-km16.2/road").asText());
        assertEquals("N2", g.at("/LEU-N2-in/road").asText());
        assertEquals(4.7267, g.at("/LEU-N2-in/longitude").asDouble());
    }

    @Test
    void positionsOfOneProfile() throws Exception {
        Run r = run("render", example("leuven-n2-in.yaml"), "--format", "positions");
        assertEquals(0, r.code(), r.err());
        JsonNode g = YAML.readTree(r.out()).get("gantries");
        assertEquals(List.of("LEU-N2-in"), iterate(g));
        assertEquals(50.8905, g.at("/LEU-N2-in/latitude").asDouble());
    }

    private static List<String> iterate(JsonNode g) {
        List<String> ids = new ArrayList<>();
        g.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    @Test
    void anInvalidProfileIsNotRendered() {
        String file = TestFiles.broken().resolve("duplicate-camera-id.yaml").toString();
        for (String format : List.of("agent", "kura", "positions")) {
            Run r = run("render", file, "--format", format);
            assertEquals(1, r.code(), format);
            assertEquals("", r.out(), format);
            assertTrue(r.err().startsWith(file + ":9:9: cameras[1].id: duplicate camera id 'cam-1'"), r.err());
            assertTrue(r.err().contains("not rendered, the profile is invalid"), r.err());
        }
    }

    @Test
    void anInvalidNetworkIsNotRenderedAsPositions() {
        Run r = run("render", TestFiles.broken().resolve("network-duplicate-id").toString(), "--format", "positions");
        assertEquals(1, r.code());
        assertEquals("", r.out());
    }

    @Test
    void usageErrors(@TempDir Path dir) {
        assertEquals(2, run("render", TestFiles.examples().toString(), "--format", "agent").code());
        assertEquals(2, run("render", example("e40-km16.2.yaml"), "--format", "xml").code());
        assertEquals(2, run("render", example("e40-km16.2.yaml")).code());
        assertEquals(2, run("render", dir.resolve("none.yaml").toString(), "--format", "agent").code());
    }
}
