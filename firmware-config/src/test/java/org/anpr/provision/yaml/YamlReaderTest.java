package org.anpr.provision.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static final Path F = Path.of("t.yaml");

    @Test
    void keysAndValuesKeepTheirLineAndColumn() {
        Problems problems = new Problems();
        YamlNode root = YamlReader.parse(F, "gantry:\n  id: G-1\ncameras:\n  - { id: cam-1, lane: 2 }\n", problems);
        assertTrue(problems.isEmpty());
        assertEquals(new Source(F, 2, 7), YamlPath.source(root, "gantry.id"));
        assertEquals(new Source(F, 2, 3), YamlPath.keySource(root, "gantry.id"));
        assertEquals(new Source(F, 4, 24), YamlPath.source(root, "cameras[0].lane"));
        assertEquals(new Source(F, 4, 5), YamlPath.source(root, "cameras[0].missing"), "nearest present parent");
    }

    @Test
    void yamlTypesAreKept() {
        YamlMap m = (YamlMap) YamlReader.parse(F, "a: '2'\nb: 2\nc: 2.50\nd: true\ne:\n", new Problems());
        assertEquals(YamlScalar.Type.TEXT, ((YamlScalar) m.get("a")).type());
        assertEquals(YamlScalar.Type.INTEGER, ((YamlScalar) m.get("b")).type());
        assertEquals("2.50", ((YamlScalar) m.get("c")).text());
        assertEquals(YamlScalar.Type.BOOLEAN, ((YamlScalar) m.get("d")).type());
        assertEquals(YamlScalar.Type.NULL, ((YamlScalar) m.get("e")).type());
    }

    @Test
    void aliasesAndSecondDocumentsAreRefused() {
        Problems problems = new Problems();
        YamlReader.parse(F, "a: &x { k: v }\nb: *x\n---\nc: 1\n", problems);
        assertEquals(2, problems.size(), problems.sorted().toString());
        assertEquals(2, problems.sorted().get(0).line());
        assertEquals("b", problems.sorted().get(0).field());
    }
}
