package org.anpr.protocol.secrets;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing a file that holds a secret (a key, a password, a machine secret), shared by every
 * program that makes one: the technicians' tool, the agent, the receiver.
 */
public final class SecretFile {
    /** Owner read/write only: what a key or password deserves. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    /** Owner read/write, others read: for public material such as a CSR. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private SecretFile() {
    }

    /**
     * Writes {@code content} to {@code file} with {@code permissions} from the first byte (the
     * temporary file is created with them, so the secret is never readable by others, not even
     * for a moment), then renames it into place.
     *
     * @param replace overwrite an existing file; without it an existing file is an error and is left as it is
     */
    public static void write(Path file, byte[] content, Set<PosixFilePermission> permissions, boolean replace)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!replace && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "exists");
        }
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(permissions));
        try {
            Files.write(temp, content);
            if (!replace) {
                Files.move(temp, file); // refuses, if the file appeared meanwhile
            } else {
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
