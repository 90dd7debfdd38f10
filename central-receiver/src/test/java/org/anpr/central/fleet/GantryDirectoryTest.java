package org.anpr.central.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.central.config.ConfigException;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gantries file: positions loaded, every problem named by gantry and field, and the fleet API listing its gantries. */
class GantryDirectoryTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("gantries-" + System.nanoTime() + ".yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private ConfigException refused(String yaml) throws Exception {
        Path f = file(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> GantryDirectory.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void aValidFileGivesEachGantryItsPosition() throws Exception {
        GantryDirectory d = GantryDirectory.load(file("""
                gantries:
                  A2-N-km40: { name: "A2 northbound km 40", latitude: 50.88, longitude: 4.70, road: A2 }
                  A2-N-km52:
                    name: A2 northbound km 52
                    latitude: 50.97
                    longitude: 4.81
                  A12-W-km3: { latitude: -33.5, longitude: -70.25 }
                """));
        assertEquals(3, d.all().size());
        GantryDirectory.Gantry a = d.find("A2-N-km40").orElseThrow();
        assertEquals(new GantryDirectory.Gantry("A2-N-km40", "A2 northbound km 40", 50.88, 4.70, "A2"), a);
        GantryDirectory.Gantry b = d.find("A2-N-km52").orElseThrow();
        assertEquals("A2 northbound km 52", b.name());
        assertEquals(50.97, b.latitude());
        assertEquals(4.81, b.longitude());
        assertEquals("", b.road());
        GantryDirectory.Gantry c = d.find("A12-W-km3").orElseThrow();
        assertEquals("A12-W-km3", c.name(), "the name defaults to the id");
        assertEquals(-33.5, c.latitude());
        assertEquals(-70.25, c.longitude());
        assertTrue(d.find("A2-S-km1").isEmpty());
        assertEquals(List.of("A12-W-km3", "A2-N-km40", "A2-N-km52"), d.all().stream().map(GantryDirectory.Gantry::id).toList(),
                "by id");
    }

    @Test
    void noFileIsAnEmptyDirectory() throws Exception {
        assertSame(GantryDirectory.EMPTY, GantryDirectory.load(null));
        assertTrue(GantryDirectory.EMPTY.all().isEmpty());
        assertTrue(GantryDirectory.EMPTY.find("A2-N-km40").isEmpty());
    }

    @Test
    void gantriesThatAreNotAMappingAreRefused() throws Exception {
        ConfigException list = refused("gantries:\n  - A2-N-km40\n  - A2-N-km52\n");
        assertTrue(list.getMessage().contains("gantries: must be a mapping"), list.getMessage());
        ConfigException none = refused("other: 1\n");
        assertTrue(none.getMessage().contains("gantries: must be a mapping"), none.getMessage());
        ConfigException scalar = refused("gantries:\n  A2-N-km40: 50.88\n");
        assertTrue(scalar.getMessage().contains("gantries.A2-N-km40: must be a mapping"), scalar.getMessage());
    }

    @Test
    void aBadGantryIdIsNamed() throws Exception {
        ConfigException e = refused("gantries:\n  \"A2 N/km40\": { latitude: 50.0, longitude: 4.0 }\n");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("gantries.A2 N/km40: "), e.getMessage());
        assertTrue(e.getMessage().contains("disallowed character"), e.getMessage());
    }

    @Test
    void aMissingLatitudeIsNamedByGantryAndField() throws Exception {
        ConfigException e = refused("gantries:\n  A2-N-km40: { longitude: 4.70 }\n  A2-N-km52: { latitude: 50.9, longitude: 4.8 }\n");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("gantries.A2-N-km40.latitude: required"), e.getMessage());
        ConfigException text = refused("gantries:\n  A2-N-km40: { latitude: \"north\", longitude: 4.70 }\n");
        assertTrue(text.getMessage().contains("gantries.A2-N-km40.latitude: required, a number"), text.getMessage());
    }

    @Test
    void aLatitudeOutOfRangeIsNamedByGantryAndField() throws Exception {
        ConfigException e = refused("gantries:\n  A2-N-km40: { latitude: 91, longitude: 4.70 }\n");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("gantries.A2-N-km40.latitude: must be within -90..90"), e.getMessage());
        ConfigException lon = refused("gantries:\n  A2-N-km40: { latitude: 90, longitude: -180.5 }\n");
        assertEquals(1, lon.problems().size(), "latitude 90 is allowed: " + lon.problems());
        assertTrue(lon.getMessage().contains("gantries.A2-N-km40.longitude: must be within -180..180"), lon.getMessage());
    }

    @Test
    void anUnknownFieldIsNamedByGantryAndField() throws Exception {
        ConfigException e = refused("gantries:\n  A2-N-km40: { latitude: 50.0, longitude: 4.0, lattitude: 50.1 }\n");
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("gantries.A2-N-km40.lattitude: unknown field"), e.getMessage());
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() throws Exception {
        ConfigException e = refused("gantries:\n  A2-N-km40: { latitude: 91, longitude: 4.0 }\n"
                + "  A2-N-km52: { latitude: 50.0 }\n");
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("gantries.A2-N-km40.latitude"), e.getMessage());
        assertTrue(e.getMessage().contains("gantries.A2-N-km52.longitude"), e.getMessage());
    }

    @Test
    void aMissingFileIsAConfigExceptionNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-gantries.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> GantryDirectory.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void theFleetListsAGantryFromTheFileThatNeverConnected() throws Exception {
        Path gantries = file("""
                gantries:
                  B1-S-km7: { name: "B1 southbound km 7", latitude: 51.2, longitude: 3.9, road: B1 }
                  A2-N-km40: { name: "A2 northbound km 40", latitude: 50.88, longitude: 4.70, road: A2 }
                """);
        ReceiverConfig base = TestGantries.config(dir);
        try (ApiFixture api = ApiFixture.start(base.withHttp(base.http().withGantriesFile(gantries)))) {
            ApiClient viewer = api.as("viewer");
            ApiClient.Reply r = viewer.get("/api/v1/fleet");
            assertEquals(200, r.status(), r.toString());
            assertEquals(2, r.json().get("gantries").asInt(), r.body());
            assertEquals(0, r.json().get("online").asInt(), r.body());
            JsonNode b1 = null;
            for (JsonNode g : r.json().get("items")) {
                if (g.get("gantryId").asText().equals("B1-S-km7")) {
                    b1 = g;
                }
            }
            assertTrue(b1 != null, "listed: " + r.body());
            assertTrue(b1.get("neverSeen").asBoolean(), b1.toString());
            assertFalse(b1.get("online").asBoolean());
            assertEquals("B1 southbound km 7", b1.get("name").asText());
            assertEquals(51.2, b1.get("latitude").asDouble());
            assertEquals(3.9, b1.get("longitude").asDouble());
            assertEquals("B1", b1.get("road").asText());
            assertFalse(b1.has("lastSeen"), "nothing reported: " + b1);

            ApiClient.Reply one = viewer.get("/api/v1/fleet/B1-S-km7");
            assertEquals(200, one.status(), one.toString());
            assertEquals("B1 southbound km 7", one.json().get("name").asText());
            assertEquals(404, viewer.get("/api/v1/fleet/C9-X-km1").status(), "neither in the file nor seen");
        }
    }
}
