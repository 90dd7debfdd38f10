package org.anpr.provision.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anpr.provision.TestFiles;
import org.anpr.provision.profile.ProfileFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schema: it is the one generated from {@link ProfileFormat} (resource and docs
 * copy), every property is described, the examples pass it (checked by an independent validator,
 * networknt's) and broken files fail it.
 */
class JsonSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Schema schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream(ProfileFormat.SCHEMA_RESOURCE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void thePublishedFilesAreTheGeneratedSchema() throws IOException {
        String generated = JsonSchemaWriter.toText(ProfileFormat.jsonSchema());
        String hint = "regenerate with: ./anpr provision schema > firmware-config/src/main/resources/org/anpr/provision/gantry-profile.schema.json"
                + " (and copy it to firmware-config/docs/)";
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream(ProfileFormat.SCHEMA_RESOURCE)) {
            assertEquals(generated, new String(in.readAllBytes(), StandardCharsets.UTF_8), hint);
        }
        assertEquals(generated, Files.readString(Path.of("docs/gantry-profile.schema.json")), hint);
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        walk(ProfileFormat.jsonSchema(), "", missing);
        assertEquals(List.of(), missing);
    }

    private static void walk(JsonNode n, String path, List<String> missing) {
        if (n.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getValue().hasNonNull("description") || p.getValue().get("description").asText().isBlank()) {
                    missing.add(path + p.getKey());
                }
                walk(p.getValue(), path + p.getKey() + ".", missing);
            }
        }
        if (n.has("items")) {
            walk(n.get("items"), path + "[].", missing);
        }
        if (n.has("oneOf")) {
            n.get("oneOf").forEach(a -> walk(a, path, missing));
        }
    }

    @Test
    void theExamplesAndTheirDefaultsFilePass() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.examples())) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(4, files.size());
        for (Path f : files) {
            List<Error> errors = schema.validate(YAML.readTree(f.toFile()));
            assertEquals(List.of(), errors, f.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-key", "unknown-top-level-key", "wrong-type-text", "wrong-type-quoted-number", "wrong-type-mapping",
        "missing-required", "bad-gantry-id", "gpio-pin-out-of-range", "lat-out-of-range", "lon-out-of-range", "stream-bad-scheme",
        "section-too-short", "uncertainty-negative", "margin-unknown-preset", "secret-password", "secret-key-hex", "mqtt-bad-uri", "enum-typo"})
    void brokenFilesFailIt(String name) throws IOException {
        JsonNode doc = YAML.readTree(TestFiles.broken().resolve(name + ".yaml").toFile());
        assertFalse(schema.validate(doc).isEmpty(), name + " passed the schema");
    }

    @Test
    void theSchemaItselfIsADraft202012Schema() {
        JsonNode s = ProfileFormat.jsonSchema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
        assertTrue(s.get("properties").has("gantry"));
        assertFalse(s.get("additionalProperties").asBoolean());
    }
}
