package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.kura.KuraProperties;
import org.anpr.provision.ProvisionMain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code anpr provision render --format kura} against the edge agent's Kura component: every
 * property of the snapshot is an attribute of the component's metatype (the one bnd wrote into the
 * built bundle) with the same type and cardinality, every required attribute is there, and the
 * snapshot, typed as Kura would hand it over, configures the agent exactly as the rendered
 * gantry.yaml does.
 */
class KuraSnapshotMetatypeTest {
    private static final Path EXAMPLES = Path.of("..", "firmware-config", "examples");

    @TempDir
    Path dir;

    /** An attribute definition: type, cardinality, required. */
    record Ad(String type, int cardinality, boolean required) {
    }

    /** One property of the snapshot. */
    record Property(String name, String type, boolean array, List<String> values) {
    }

    private static Document xml(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(in);
    }

    private static Map<String, Ad> metatype() throws Exception {
        try (InputStream in = KuraProperties.class.getResourceAsStream("/OSGI-INF/metatype/org.anpr.edge.EdgeAgent.xml")) {
            assertNotNull(in, "the built bundle carries its metatype at Kura's path");
            Document d = xml(in);
            Element ocd = (Element) d.getElementsByTagName("OCD").item(0);
            assertEquals("org.anpr.edge.EdgeAgent", ocd.getAttribute("id"));
            Map<String, Ad> ads = new LinkedHashMap<>();
            NodeList list = ocd.getElementsByTagName("AD");
            for (int i = 0; i < list.getLength(); i++) {
                Element ad = (Element) list.item(i);
                String cardinality = ad.getAttribute("cardinality");
                ads.put(ad.getAttribute("id"), new Ad(ad.getAttribute("type"), cardinality.isEmpty() ? 0 : Integer.parseInt(cardinality),
                        !"false".equals(ad.getAttribute("required"))));
            }
            return ads;
        }
    }

    private String snapshot(String profile) throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.toList()) {
                Files.copy(f, examples.resolve(f.getFileName()));
            }
        }
        Path secrets = Files.createDirectories(examples.resolve("secrets"));
        for (String g : List.of("E40-E-km16.2", "E40-E-km20.2", "LEU-N2-in")) {
            Files.writeString(secrets.resolve(g + "-cameras"), "viewer:s3cret\n");
            Files.writeString(secrets.resolve(g + "-mqtt.pass"), "broker-pass\n");
            Files.writeString(secrets.resolve(g + ".psk"), "000102030405060708090a0b0c0d0e0f\n");
        }
        Files.writeString(secrets.resolve("anpr-centre-ca.pass"), "ca-pass\n");
        Path deviceSecrets = Files.createDirectories(dir.resolve("device-secrets"));
        Files.write(deviceSecrets.resolve("anpr-centre-ca.p12"), new byte[] {1});
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvisionMain.run(new String[] {"render", examples.resolve(profile).toString(), "--format", "kura", "--with-secrets",
            "--device-secrets", deviceSecrets.toString(), "--storage-dir", dir.resolve("data").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static List<Property> properties(String snapshot) throws Exception {
        Document d = xml(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)));
        Element configuration = (Element) d.getElementsByTagNameNS("http://eurotech.com/esf/2.0", "configuration").item(0);
        assertEquals("org.anpr.edge.EdgeAgent", configuration.getAttribute("pid"), "the component's pid");
        List<Property> out = new ArrayList<>();
        NodeList props = configuration.getElementsByTagNameNS("http://eurotech.com/esf/2.0", "property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            List<String> values = new ArrayList<>();
            NodeList v = p.getElementsByTagNameNS("http://eurotech.com/esf/2.0", "value");
            for (int j = 0; j < v.getLength(); j++) {
                values.add(v.item(j).getTextContent());
            }
            out.add(new Property(p.getAttribute("name"), p.getAttribute("type"), Boolean.parseBoolean(p.getAttribute("array")), values));
        }
        return out;
    }

    /** A snapshot value as Kura hands it to the component: typed, arrays as arrays. */
    private static Object typed(Property p) {
        Object[] values = new Object[p.values().size()];
        for (int i = 0; i < values.length; i++) {
            String v = p.values().get(i);
            values[i] = switch (p.type()) {
                case "Integer" -> Integer.valueOf(v);
                case "Long" -> Long.valueOf(v);
                case "Double" -> Double.valueOf(v);
                case "Boolean" -> Boolean.valueOf(v);
                default -> v; // String, Password
            };
        }
        return p.array() ? values : values[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"e40-km16.2.yaml", "e40-km20.2.yaml", "leuven-n2-in.yaml"})
    void theSnapshotFitsTheComponentsMetatypeAndConfiguresTheAgent(String profile) throws Exception {
        Map<String, Ad> ads = metatype();
        List<Property> snapshot = properties(snapshot(profile));
        Map<String, Object> kura = new HashMap<>();
        for (Property p : snapshot) {
            Ad ad = ads.get(p.name());
            assertNotNull(ad, p.name() + " is not an attribute of the component; it has " + ads.keySet());
            assertEquals(ad.type(), p.type(), p.name() + ": type");
            assertEquals(ad.cardinality() != 0, p.array(), p.name() + ": array against cardinality " + ad.cardinality());
            assertTrue(p.array() ? p.values().size() <= Math.abs(ad.cardinality()) : p.values().size() == 1,
                    p.name() + ": " + p.values().size() + " value(s), cardinality " + ad.cardinality());
            kura.put(p.name(), typed(p));
        }
        ads.forEach((id, ad) -> assertTrue(!ad.required() || kura.containsKey(id), "required attribute " + id + " is in the snapshot"));

        kura.put("kura.service.pid", "org.anpr.edge.EdgeAgent");
        AgentConfig fromKura = AgentConfigLoader.parse(KuraProperties.toGantryYaml(kura));
        StringWriter yaml = new StringWriter();
        assertEquals(0, ProvisionMain.run(new String[] {"render", dir.resolve("examples").resolve(profile).toString(), "--format", "agent",
            "--with-secrets", "--device-secrets", dir.resolve("device-secrets").toString(), "--storage-dir", dir.resolve("data").toString()},
                new PrintWriter(yaml, true), new PrintWriter(new StringWriter(), true)));
        AgentConfig fromYaml = AgentConfigLoader.parse(yaml.toString());
        assertEquals(fromYaml.gantryId(), fromKura.gantryId());
        assertEquals(fromYaml.cameras(), fromKura.cameras());
        assertEquals(fromYaml.sections(), fromKura.sections());
        assertEquals(fromYaml.mqtt(), fromKura.mqtt());
        assertEquals(fromYaml.outboxLimits(), fromKura.outboxLimits());
        assertEquals(fromYaml.sectionSettings(), fromKura.sectionSettings());
        assertEquals(fromYaml.management().port(), fromKura.management().port());
        assertEquals(fromYaml.management().accepted(), fromKura.management().accepted());
        assertEquals(fromYaml.management().loopbacks(), fromKura.management().loopbacks());
    }
}
