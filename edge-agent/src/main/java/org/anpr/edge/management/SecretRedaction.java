package org.anpr.edge.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anpr.device.coap.api.GantryManagement;
import org.anpr.edge.config.ConfigException;

/**
 * The secrets of a gantry.yaml — {@code mqtt.password}, {@code mqtt.tls.keyStorePassword} and
 * {@code trustStorePassword}, every {@code management.psk[].keyHex}, the password in a camera URL —
 * replaced by {@link GantryManagement#REDACTED} for reading over the management channel, and put
 * back (from the configuration the gantry runs) where a pushed document still holds the placeholder.
 * Keys are matched by PSK identity and camera id, not by position.
 */
final class SecretRedaction {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    private static final String R = GantryManagement.REDACTED;

    private SecretRedaction() {
    }

    /** The document with every secret replaced; a document that is not YAML is returned as nothing at all. */
    static byte[] redact(byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            return new byte[0]; // never hand out what could not be checked for secrets
        }
        if (!(root instanceof ObjectNode doc)) {
            return new byte[0];
        }
        ObjectNode mqtt = object(doc, "mqtt");
        if (mqtt != null) {
            hide(mqtt, "password");
            ObjectNode tls = object(mqtt, "tls");
            if (tls != null) {
                hide(tls, "keyStorePassword");
                hide(tls, "trustStorePassword");
            }
        }
        ObjectNode management = object(doc, "management");
        if (management != null && management.get("psk") != null) {
            management.get("psk").forEach(k -> {
                if (k instanceof ObjectNode key) {
                    hide(key, "keyHex");
                }
            });
        }
        if (doc.get("cameras") != null) {
            doc.get("cameras").forEach(c -> {
                if (c instanceof ObjectNode cam && cam.get("source") != null && cam.get("source").isTextual()) {
                    cam.put("source", hidePassword(cam.get("source").asText()));
                }
            });
        }
        return write(doc);
    }

    /**
     * {@code incoming} with each placeholder replaced by the secret {@code current} has at the same
     * place; unchanged when it holds none.
     *
     * @throws ConfigException a placeholder where the gantry has no secret (a new PSK identity, a new camera)
     */
    static byte[] restore(byte[] incoming, byte[] current) throws ConfigException {
        String text = new String(incoming, StandardCharsets.UTF_8);
        if (!text.contains(R)) {
            return incoming;
        }
        JsonNode in;
        JsonNode now;
        try {
            in = YAML.readTree(incoming);
            now = YAML.readTree(current);
        } catch (IOException e) {
            return incoming; // the loader reports what is wrong with it
        }
        if (!(in instanceof ObjectNode doc) || now == null) {
            return incoming;
        }
        List<String> errors = new ArrayList<>();
        ObjectNode mqtt = object(doc, "mqtt");
        if (mqtt != null) {
            keep(mqtt, "password", now.path("mqtt"), "mqtt.password", errors);
            ObjectNode tls = object(mqtt, "tls");
            if (tls != null) {
                keep(tls, "keyStorePassword", now.path("mqtt").path("tls"), "mqtt.tls.keyStorePassword", errors);
                keep(tls, "trustStorePassword", now.path("mqtt").path("tls"), "mqtt.tls.trustStorePassword", errors);
            }
        }
        JsonNode keys = doc.path("management").path("psk");
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) instanceof ObjectNode key) {
                JsonNode same = find(now.path("management").path("psk"), "identity", key.path("identity").asText());
                keep(key, "keyHex", same, "management.psk[" + i + "].keyHex", errors);
            }
        }
        JsonNode cameras = doc.path("cameras");
        for (int i = 0; i < cameras.size(); i++) {
            if (cameras.get(i) instanceof ObjectNode cam && cam.path("source").asText().contains(R)) {
                JsonNode same = find(now.path("cameras"), "id", cam.path("id").asText());
                String password = same.isMissingNode() ? null : password(same.path("source").asText());
                if (password == null) {
                    errors.add("cameras[" + i + "].source: " + R + " where this gantry has no camera password for camera '"
                            + cam.path("id").asText() + "': send the password");
                } else {
                    cam.put("source", cam.path("source").asText().replace(R, password));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return write(doc);
    }

    private static void hide(ObjectNode n, String field) {
        if (n.get(field) != null && !n.get(field).isNull()) {
            n.put(field, R);
        }
    }

    private static void keep(ObjectNode n, String field, JsonNode current, String path, List<String> errors) {
        if (!R.equals(n.path(field).asText(null))) {
            return;
        }
        JsonNode secret = current.path(field);
        if (secret.isMissingNode() || secret.isNull() || R.equals(secret.asText())) {
            errors.add(path + ": " + R + " where this gantry has no secret to keep: send the value");
        } else {
            n.set(field, secret);
        }
    }

    private static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(key).asText(null))) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : null;
    }

    /** {@code rtsp://user:secret@host/…} → {@code rtsp://user:<redacted>@host/…}. */
    private static String hidePassword(String url) {
        String password = password(url);
        if (password == null) {
            return url;
        }
        int at = url.indexOf('@');
        int colon = url.lastIndexOf(':', at);
        return url.substring(0, colon + 1) + R + url.substring(at);
    }

    /** The raw (still encoded) password of a URL's user info, or null. */
    private static String password(String url) {
        try {
            String info = new URI(url).getRawUserInfo();
            int colon = info == null ? -1 : info.indexOf(':');
            return colon < 0 ? null : info.substring(colon + 1);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode doc) {
        try {
            return YAML.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
