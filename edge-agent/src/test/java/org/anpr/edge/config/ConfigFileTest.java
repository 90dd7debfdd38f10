package org.anpr.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new configuration reaches the file only when it is valid and the agent took it. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private static String yaml(int outboxMiB) {
        return """
                gantry: { id: G1 }
                outbox: { maxBytes: %d }
                mqtt: { serverUri: "tcp://127.0.0.1:1" }
                """.formatted(outboxMiB << 20);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void validThenAppliedReplacesTheFileAnythingElseChangesNothing() throws Exception {
        Path path = dir.resolve("gantry.yaml");
        Files.writeString(path, yaml(64));
        ConfigFile file = new ConfigFile(path);
        List<AgentConfig> applied = new ArrayList<>();

        ConfigException invalid = assertThrows(ConfigException.class,
                () -> file.replace(yaml(64).replace("maxBytes", "maxBites").getBytes(StandardCharsets.UTF_8), applied::add));
        assertTrue(invalid.errors().stream().anyMatch(e -> e.startsWith("outbox.maxBites")), invalid.errors().toString());
        ConfigException refused = assertThrows(ConfigException.class, () -> file.replace(yaml(128).getBytes(StandardCharsets.UTF_8),
                next -> {
                    throw new ConfigException(List.of("gantry.id: cannot change at run time"));
                }));
        assertEquals(List.of("gantry.id: cannot change at run time"), refused.errors());
        assertEquals(yaml(64), Files.readString(path), "the file is untouched");
        assertTrue(applied.isEmpty(), "the agent was not given an invalid configuration");
        assertEquals(List.of("gantry.yaml"), files(), "no temporary file left behind");

        AgentConfig next = file.replace(yaml(128).getBytes(StandardCharsets.UTF_8), applied::add);
        assertEquals(128L << 20, next.outboxLimits().maxBytes());
        assertEquals(List.of(next), applied);
        assertEquals(yaml(128), new String(file.read(), StandardCharsets.UTF_8));
        assertEquals(List.of("gantry.yaml"), files());
    }
}
