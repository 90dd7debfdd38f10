package org.anpr.provision.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.provision.profile.GantryProfile;

/**
 * {@code render --format positions}: the central receiver's gantries file (its {@code GantryDirectory}):
 * <pre>gantries: { ID: { name, latitude, longitude, road } }</pre>
 * {@code name} is the profile's {@code gantry.site}; gantries sorted by id.
 */
public final class PositionsRenderer {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private PositionsRenderer() {
    }

    public static String render(List<GantryProfile> profiles) {
        Map<String, Object> gantries = new LinkedHashMap<>();
        profiles.stream().sorted(Comparator.comparing(GantryProfile::id)).forEach(p -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", p.site());
            g.put("latitude", p.position().lat());
            g.put("longitude", p.position().lon());
            g.put("road", p.road().road());
            gantries.put(p.id(), g);
        });
        try {
            return "# gantry positions for the central console, rendered by 'anpr provision render --format positions'\n"
                    + YAML.writeValueAsString(Map.of("gantries", gantries));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
