package org.anpr.provision.diagnostics;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something starts in a file: the file as it was named and the 1-based line and column
 * (as Jackson's YAML parser reports them), kept on every key and value so an error can point at it.
 */
public record Source(Path file, int line, int column) {
    public Source {
        Objects.requireNonNull(file, "file");
    }

    /** The start of a file, for problems with the file as a whole. */
    public static Source startOf(Path file) {
        return new Source(file, 1, 1);
    }

    /**
     * This place as seen from a problem in {@code from}: {@code line 9} in the same file,
     * {@code a.yaml:9:3} in the same folder, the full {@code file:line:column} otherwise.
     */
    public String describeFrom(Path from) {
        if (file.equals(from)) {
            return "line " + line;
        }
        boolean sameFolder = java.util.Objects.equals(file.toAbsolutePath().normalize().getParent(),
                from.toAbsolutePath().normalize().getParent());
        return sameFolder ? file.getFileName() + ":" + line + ":" + column : toString();
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
