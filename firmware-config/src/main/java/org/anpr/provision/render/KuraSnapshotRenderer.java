package org.anpr.provision.render;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.anpr.provision.validation.LoadedProfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code render --format kura}: an Eclipse Kura configuration snapshot for the edge agent's
 * component, built with the JDK's DOM and written with its transformer:
 *
 * <pre>{@code
 * <esf:configurations xmlns:esf="http://eurotech.com/esf/2.0" xmlns:ocd="http://www.osgi.org/xmlns/metatype/v1.2.0">
 *   <esf:configuration pid="org.anpr.edge.EdgeAgent">
 *     <esf:properties>
 *       <esf:property array="false" encrypted="false" name="gantry.id" type="String"><esf:value>…</esf:value></esf:property>
 * }</pre>
 *
 * The pid {@link #PID} is the edge agent's Kura component ({@code edge-agent-kura}'s
 * {@code EdgeAgentComponent}); the property names are its metatype's: the {@code gantry.yaml} keys
 * joined with dots ({@code mqtt.serverUri}), checked against the built bundle's metatype by demo's
 * {@code KuraSnapshotMetatypeTest}. A list
 * of mappings becomes parallel arrays, one value per item ({@code cameras.id}, {@code cameras.lane},
 * {@code cameras.source}; {@code sections.exit.camera} is "" when any camera may be used); margin
 * presets are written as their numbers. Secrets (with {@code --with-secrets}) are of type
 * {@code Password}, not encrypted (Kura encrypts them when it applies the snapshot).
 */
public final class KuraSnapshotRenderer {
    public static final String ESF_NS = "http://eurotech.com/esf/2.0";
    public static final String OCD_NS = "http://www.osgi.org/xmlns/metatype/v1.2.0";
    public static final String PID = "org.anpr.edge.EdgeAgent";
    private static final Set<String> SECRET_KEYS = Set.of("password", "keyStorePassword", "trustStorePassword", "keyHex");

    /** One flat property. */
    record Property(String name, String type, boolean array, List<String> values) {
    }

    private KuraSnapshotRenderer() {
    }

    public static String render(LoadedProfile profile, RenderOptions options) throws RenderException {
        AgentDocument doc = AgentDocument.of(profile, options, true);
        List<Property> properties = new ArrayList<>();
        flatten("", doc.tree(), properties);
        try {
            Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            xml.appendChild(xml.createComment(" Kura snapshot for " + profile.profile().id() + ", rendered by 'anpr provision render' from "
                    + profile.file().getFileName() + "; not rendered: " + String.join(", ", doc.notRendered()).replace("--", "-")
                    + (doc.toFill().isEmpty() ? "" : "; secrets left out: " + String.join("; ", doc.toFill()).replace("--", "-")) + " "));
            Element root = xml.createElementNS(ESF_NS, "esf:configurations");
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ocd", OCD_NS);
            xml.appendChild(root);
            Element configuration = xml.createElementNS(ESF_NS, "esf:configuration");
            configuration.setAttribute("pid", PID);
            root.appendChild(configuration);
            Element props = xml.createElementNS(ESF_NS, "esf:properties");
            configuration.appendChild(props);
            for (Property p : properties) {
                Element e = xml.createElementNS(ESF_NS, "esf:property");
                e.setAttribute("array", Boolean.toString(p.array()));
                e.setAttribute("encrypted", "false");
                e.setAttribute("name", p.name());
                e.setAttribute("type", p.type());
                for (String v : p.values()) {
                    Element value = xml.createElementNS(ESF_NS, "esf:value");
                    value.setTextContent(v);
                    e.appendChild(value);
                }
                props.appendChild(e);
            }
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, List<Property> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                flatten(name, (Map<String, Object>) m, out);
            } else if (v instanceof List<?> list) {
                columns(name, (List<Map<String, Object>>) list, out);
            } else {
                out.add(new Property(name, type(e.getKey(), v), false, List.of(String.valueOf(v))));
            }
        }
    }

    /** A list of mappings as one array property per leaf key, in first-seen order. */
    private static void columns(String name, List<Map<String, Object>> items, List<Property> out) {
        Map<String, Object[]> leaves = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<Property> flat = new ArrayList<>();
            flatten("", items.get(i), flat);
            for (Property p : flat) {
                Object[] column = leaves.computeIfAbsent(p.name(), k -> new Object[] {p.type(), new String[items.size()]});
                ((String[]) column[1])[i] = p.values().get(0);
            }
        }
        if (items.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object[]> e : leaves.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String v : (String[]) e.getValue()[1]) {
                values.add(v == null ? "" : v);
            }
            out.add(new Property(name + "." + e.getKey(), (String) e.getValue()[0], true, values));
        }
    }

    private static String type(String key, Object v) {
        if (SECRET_KEYS.contains(key)) {
            return "Password";
        }
        if (v instanceof Integer) {
            return "Integer";
        }
        if (v instanceof Long) {
            return "Long";
        }
        if (v instanceof Double) {
            return "Double";
        }
        if (v instanceof Boolean) {
            return "Boolean";
        }
        return "String";
    }
}
