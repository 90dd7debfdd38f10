package org.anpr.edge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The revision of the last configuration the centre pushed and this gantry applied, kept in a
 * file beside the outbox so that it survives restarts: an older or repeated push (a replay, a
 * stale retained message) is refused instead of rolling the configuration back.
 */
public final class ConfigRevisions {
    private final Path file;
    private long applied;

    public ConfigRevisions(Path file) {
        this.file = file;
        long r = 0;
        try {
            if (Files.exists(file)) {
                r = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(file + ": not a configuration revision (" + e.getMessage() + ")", e);
        }
        this.applied = r;
    }

    /** The last applied revision; 0 before any push. */
    public synchronized long applied() {
        return applied;
    }

    /** Records {@code revision} as applied, durably ({@link DurableFiles}). */
    public synchronized void record(long revision) throws IOException {
        Path temp = DurableFiles.writeBeside(file, ".config-revision", (revision + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            DurableFiles.moveOver(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        applied = revision;
    }
}
