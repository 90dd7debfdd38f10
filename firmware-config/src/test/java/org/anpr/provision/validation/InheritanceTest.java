package org.anpr.provision.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.diagnostics.ValidationError;
import org.anpr.provision.profile.GantryProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends:} chains: deep merge of mappings, lists replaced, ~ removes, errors point into the right file. */
class InheritanceTest {
    private static final String SITE = """
            gantry: { controller: raspberry-pi-4, road: N3, carriageway: both, direction: Tervuren }
            mqtt: { serverUri: "tcp://centre.example:1883", username: site-user, passwordFile: site.pass }
            clock: { ntpServers: [a.example, b.example], syncBoundMicros: 20000 }
            """;
    private static final String NETWORK = """
            extends: ../site.yaml
            clock: { ntpServers: [c.example] }
            outbox: { maxBytes: 4194304 }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Path twoLevels(String profile) throws IOException {
        write("site.yaml", SITE);
        write("net/network.yaml", NETWORK);
        return write("net/g1.yaml", profile);
    }

    @Test
    void mappingsMergeListsReplaceAndTheNearestDefaultsWin() throws IOException {
        Path p = twoLevels("""
                extends: network.yaml
                gantry: { id: G-1, site: here, position: { lat: 50.8, lon: 4.4 } }
                mqtt: { username: g1, passwordFile: g1.pass }
                """);
        LoadedProfile loaded = ProfileLoader.load(p);
        assertEquals(List.of(), loaded.problems().sorted());
        GantryProfile g = loaded.profile();
        assertEquals("N3", g.road().road(), "from two levels up");
        assertEquals("g1", g.mqtt().username(), "the profile's own value");
        assertEquals("tcp://centre.example:1883", g.mqtt().serverUri(), "merged into the same mapping");
        assertEquals(List.of("c.example"), g.clock().ntpServers(), "a list is replaced, not appended to");
        assertEquals(20_000, g.clock().syncBoundMicros(), "the sibling key survives the merge");
        assertEquals(4_194_304, g.limits().outboxMaxBytes());
        assertEquals(List.of(dir.resolve("net/network.yaml"), dir.resolve("site.yaml")), loaded.defaults());
    }

    @Test
    void anEmptyValueRemovesTheInheritedOne() throws IOException {
        Path p = twoLevels("""
                extends: network.yaml
                gantry: { id: G-1, site: here, position: { lat: 50.8, lon: 4.4 } }
                mqtt: { username: ~, passwordFile: ~ }
                """);
        LoadedProfile loaded = ProfileLoader.load(p);
        assertEquals(List.of(), loaded.problems().sorted());
        assertNull(loaded.profile().mqtt().username());
    }

    @Test
    void anErrorInAnInheritedValuePointsIntoTheDefaultsFileAndIsReportedOnce() throws IOException {
        String site = SITE.replace("syncBoundMicros: 20000", "syncBoundMicros: fast");
        write("site.yaml", site);
        write("net/network.yaml", NETWORK);
        write("net/g1.yaml", "extends: network.yaml\ngantry: { id: G-1, site: one, position: { lat: 50.8, lon: 4.4 } }\n");
        write("net/g2.yaml", "extends: network.yaml\ngantry: { id: G-2, site: two, position: { lat: 50.9, lon: 4.4 } }\n");
        ValidationResult r = Validator.validate(List.of(dir.resolve("net")));
        assertEquals(2, r.profiles().size(), "network.yaml is not a gantry");
        assertEquals(1, r.errors().size(), r.errors().toString());
        ValidationError e = r.errors().get(0);
        assertEquals(dir.resolve("site.yaml"), e.file());
        assertEquals(3, e.line());
        assertEquals(site.lines().toList().get(2).indexOf("fast") + 1, e.column());
        assertEquals("clock.syncBoundMicros", e.field());
    }

    @Test
    void aCycleIsAnErrorAtTheExtendsThatClosesIt() throws IOException {
        write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "extends: a.yaml\ngantry: { id: G-1 }\n");
        List<ValidationError> errors = ProfileLoader.load(b).problems().sorted();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("a.yaml:1:10: extends: 'b.yaml' makes a cycle: b.yaml -> a.yaml -> b.yaml",
                errors.get(0).file().getFileName() + ":" + errors.get(0).line() + ":" + errors.get(0).column() + ": "
                        + errors.get(0).field() + ": " + errors.get(0).problem());
    }

    @Test
    void aMissingKeyIsReportedAtTheMappingThatShouldHoldIt() throws IOException {
        Path p = twoLevels("""
                extends: network.yaml
                gantry:
                  id: G-1
                  position: { lat: 50.8, lon: 4.4 }
                """);
        List<ValidationError> errors = ProfileLoader.load(p).problems().sorted();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("gantry.site", errors.get(0).field());
        assertEquals(3, errors.get(0).line(), "where the merged gantry mapping starts in the profile");
    }
}
