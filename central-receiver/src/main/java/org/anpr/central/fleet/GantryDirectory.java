package org.anpr.central.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.anpr.central.config.ConfigException;
import org.anpr.protocol.topic.GantryId;

/**
 * Where each gantry stands, for trajectories and the fleet map, from a YAML file until
 * provisioning supplies it:
 *
 * <pre>
 * gantries:
 *   A2-N-km40: { name: "A2 northbound km 40", latitude: 50.88, longitude: 4.70, road: A2 }
 * </pre>
 *
 * Every problem is reported with the gantry and field ({@code gantries.A2-N-km40.latitude: ...}).
 */
public final class GantryDirectory {
    public record Gantry(String id, String name, double latitude, double longitude, String road) {
    }

    public static final GantryDirectory EMPTY = new GantryDirectory(Map.of());
    private static final Set<String> FIELDS = Set.of("name", "latitude", "longitude", "road");

    private final Map<String, Gantry> byId;

    private GantryDirectory(Map<String, Gantry> byId) {
        this.byId = byId;
    }

    public static GantryDirectory load(Path file) throws ConfigException {
        if (file == null) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory())
                    // a key given twice is an error (Jackson names the key and the line of the second), not the last value
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Gantry> out = new TreeMap<>();
        JsonNode list = root == null ? null : root.get("gantries");
        if (list == null || !list.isObject()) {
            throw new ConfigException(List.of(file + ": gantries: must be a mapping of gantry id to its position"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = file + ": gantries." + e.getKey();
            if (!GantryId.isValid(e.getKey())) {
                problems.add(at + ": " + GantryId.problemWith(e.getKey()));
                continue;
            }
            JsonNode g = e.getValue();
            if (!g.isObject()) {
                problems.add(at + ": must be a mapping with name, latitude, longitude");
                continue;
            }
            g.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    problems.add(at + "." + f + ": unknown field (known: latitude, longitude, name, road)");
                }
            });
            double lat = coordinate(g, "latitude", 90, at, problems);
            double lon = coordinate(g, "longitude", 180, at, problems);
            out.put(e.getKey(), new Gantry(e.getKey(), g.path("name").asText(e.getKey()), lat, lon, g.path("road").asText("")));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GantryDirectory(out);
    }

    private static double coordinate(JsonNode g, String field, double bound, String at, List<String> problems) {
        JsonNode v = g.get(field);
        if (v == null || !v.isNumber()) {
            problems.add(at + "." + field + ": required, a number of degrees");
            return 0;
        }
        double d = v.doubleValue();
        if (d < -bound || d > bound) {
            problems.add(at + "." + field + ": must be within -" + (int) bound + ".." + (int) bound + ", was " + d);
        }
        return d;
    }

    public Optional<Gantry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public java.util.Collection<Gantry> all() {
        return byId.values();
    }
}
