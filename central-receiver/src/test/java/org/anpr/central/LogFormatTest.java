package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.central.support.ReceiverProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 4 and 6, on the real program: every line of the receiver's log carries its time
 * and level, a missing credentials file is warned about at start, and a stop leaves a last line.
 */
class LogFormatTest {
    @TempDir
    Path dir;

    @Test
    void everyLogLineHasATimeAndALevelAndTheStopIsLogged() throws Exception {
        Path config = Files.writeString(dir.resolve("receiver.yaml"), """
                mqtt: { host: 127.0.0.1, port: 0 }
                http: { host: 127.0.0.1, port: 0 }
                auth: { credentialsFile: "%s" }
                store: { directory: "%s" }
                """.formatted(dir.resolve("nowhere").resolve("credentials"), dir.resolve("data")), StandardCharsets.UTF_8);
        Path log = dir.resolve("receiver.log");
        try (ReceiverProcess receiver = ReceiverProcess.start(config, log)) {
            receiver.stop();
        }
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() >= 3, "a start, a warning and a stop at least: " + lines);
        for (String l : lines) {
            assertTrue(l.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}([+-]\\d{2}:\\d{2}|Z) \\[[^]]+] (INFO|WARN|ERROR|DEBUG) .*"),
                    "a line without its time or level: " + l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("WARN") && l.contains("no credentials file at")), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).contains("central receiver stopped"), "last line: " + lines.get(lines.size() - 1));
    }
}
