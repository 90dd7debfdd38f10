package org.anpr.provision.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.anpr.device.coap.api.GantryManagement;

/**
 * What would change on a gantry: its running {@code gantry.yaml} against the one rendered from the
 * profile, compared as YAML trees (comments, key order and quoting do not count), value by value
 * under paths like {@code sections[0].distanceM}. Secret values are never shown, only whether
 * they change; where the gantry itself hides one ({@link GantryManagement#REDACTED}, as the edge
 * agent does) it cannot be compared and is listed by {@link #hiddenSecrets} instead.
 */
public final class ConfigDiff {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The agent's keys that hold secrets (see AgentDocument): passwords, the PSK. */
    private static final Pattern SECRET_PATH = Pattern.compile(
            "mqtt\\.password|mqtt\\.tls\\.(key|trust)StorePassword|management\\.psk\\[\\d+]\\.keyHex");
    /** Camera URLs may carry {@code user:password@}. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");
    static final String HIDDEN = "(secret)";

    /** One changed value; {@code before} is null for an added key, {@code after} for a removed one. */
    public record Change(String path, String before, String after) {
        public enum Kind { ADDED, REMOVED, CHANGED }

        public Kind kind() {
            return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        }

        /** The change as a line: {@code ~ outbox.maxBytes: 1073741824 -> 2147483648}. */
        @Override
        public String toString() {
            return switch (kind()) {
                case ADDED -> "+ " + path + ": " + after;
                case REMOVED -> "- " + path + ": " + before;
                case CHANGED -> "~ " + path + ": " + before + " -> " + after;
            };
        }
    }

    private ConfigDiff() {
    }

    /**
     * @param device  the configuration the gantry runs (its bytes, from {@code GET /config})
     * @param profile the configuration rendered from the profile
     * @throws IllegalArgumentException when either is not YAML (the message says which)
     */
    public static List<Change> between(byte[] device, String profile) {
        Map<String, String> before = flatten(parse(device, "the device's configuration"));
        Map<String, String> after = flatten(parse(profile.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "the rendered configuration"));
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String b = before.get(path);
            String a = after.get(path);
            if (b != null && b.equals(a)) {
                continue;
            }
            boolean redacted = b != null && b.contains(GantryManagement.REDACTED);
            if (SECRET_PATH.matcher(path).matches()) {
                if (redacted && a != null) {
                    continue; // the gantry does not show it: not comparable (see hiddenSecrets)
                }
                changes.add(new Change(path, b == null ? null : HIDDEN, a == null ? null : HIDDEN + " new value"));
            } else {
                String bm = b == null ? null : maskUserInfo(b);
                String am = a == null ? null : maskUserInfo(a);
                if (bm != null && bm.equals(am)) {
                    if (redacted) {
                        continue; // the same URL; its password is not shown
                    }
                    am = am + " (credentials changed)"; // only the credentials in a URL differ
                }
                changes.add(new Change(path, bm, am));
            }
        }
        return changes;
    }

    /**
     * The paths where the gantry shows {@link GantryManagement#REDACTED} instead of a secret: a
     * change there cannot be seen ({@code push --force} sends it anyway).
     */
    public static List<String> hiddenSecrets(byte[] device) {
        try {
            return flatten(parse(device, "the device's configuration")).entrySet().stream()
                    .filter(e -> e.getValue().contains(GantryManagement.REDACTED)).map(Map.Entry::getKey).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The value of {@code path} in a configuration, or null (for the storage.dir a push keeps). */
    public static String value(byte[] config, String path) {
        try {
            return flatten(parse(config, "the configuration")).get(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parse(byte[] yaml, String what) {
        try {
            JsonNode n = YAML.readTree(yaml);
            return n == null ? YAML.createObjectNode() : n;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            if (n.isEmpty() && !path.isEmpty()) {
                out.put(path, "{}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < n.size(); i++) {
                flatten(path + "[" + i + "]", n.get(i), out);
            }
        } else {
            out.put(path, n.isNull() ? "~" : n.asText());
        }
    }

    private static String maskUserInfo(String value) {
        return USER_INFO.matcher(value).replaceFirst("$1***@");
    }
}
