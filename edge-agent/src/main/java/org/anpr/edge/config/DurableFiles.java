package org.anpr.edge.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replacing a small file so that a power cut leaves the old content or the new, never a truncated
 * file: the new content is written beside it and fsynced, renamed over it, and the folder fsynced
 * (a rename is durable only once its folder is). In two steps, so a caller can act in between.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code content} to a new temporary file beside {@code file}, fsynced; the caller moves or deletes it. */
    static Path writeBeside(Path file, String prefix, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), prefix, ".tmp");
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(content));
            c.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp); // a full disk leaves no half-written file behind
            throw e;
        }
        return temp;
    }

    /** Renames {@code temp} over {@code file} atomically and fsyncs the folder. */
    static void moveOver(Path temp, Path file) throws IOException {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
