package org.anpr.edge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.anpr.edge.capture.replay.FolderTimestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTimestampsTest {

    @Test
    void timestampsComeFromFileNames() {
        long expected = CaptureTime.micros(Instant.parse("2026-11-22T08:15:30.123Z"));
        assertEquals(Optional.of(expected), FolderTimestamps.fromName("cam1_20261122T081530123Z.jpg"));
        assertEquals(Optional.of(expected + 456), FolderTimestamps.fromName("x_20261122T081530123456Z.png"));
        assertEquals(Optional.of(expected - 123_000), FolderTimestamps.fromName("20261122T081530Z.jpg"));
        assertEquals(Optional.empty(), FolderTimestamps.fromName("frame_0001.jpg"));
        assertEquals(Optional.empty(), FolderTimestamps.fromName("x_20261399T081530123Z.jpg"), "month 13 is no time");
    }

    @Test
    void sidecarWinsOverTheName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FolderTimestamps.SIDECAR),
                "file,time\n# comment\na_20261122T081530123Z.jpg,2026-01-01T00:00:00.000001Z\nb.jpg,1700000000000000\n");
        FolderTimestamps t = FolderTimestamps.load(dir);
        assertEquals(Optional.of(CaptureTime.micros(Instant.parse("2026-01-01T00:00:00Z")) + 1),
                t.of("a_20261122T081530123Z.jpg"));
        assertEquals(Optional.of(1_700_000_000_000_000L), t.of("b.jpg"));
        assertTrue(t.of("c_20261122T081530123Z.jpg").isPresent(), "not in the sidecar: from the name");
    }

    @Test
    void malformedSidecarLineIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FolderTimestamps.SIDECAR), "a.jpg,yesterday\n");
        IOException e = assertThrows(IOException.class, () -> FolderTimestamps.load(dir));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
