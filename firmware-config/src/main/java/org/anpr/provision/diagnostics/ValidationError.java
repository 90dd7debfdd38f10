package org.anpr.provision.diagnostics;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a profile, precise enough to fix without guessing: where (file, 1-based line and
 * column), which field ({@code cameras[1].id}), what is wrong and, when there is a rule, what is
 * allowed.
 *
 * @param file    the file as it was named (a profile, or the defaults file a value came from)
 * @param line    1-based line
 * @param column  1-based column
 * @param field   path of the field, {@code gantry.position.lat}, {@code sections[0].distanceM}; empty for the whole file
 * @param problem what is wrong
 * @param allowed what would be right, or null when the problem says it all
 */
public record ValidationError(Path file, int line, int column, String field, String problem, String allowed)
        implements Comparable<ValidationError> {

    private static final Comparator<ValidationError> ORDER = Comparator
            .comparing((ValidationError e) -> e.file().toString())
            .thenComparingInt(ValidationError::line)
            .thenComparingInt(ValidationError::column)
            .thenComparing(ValidationError::field)
            .thenComparing(ValidationError::problem);

    public ValidationError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code problem (allowed: ...)}: the message without location and field. */
    public String message() {
        return allowed == null ? problem : problem + " (allowed: " + allowed + ")";
    }

    /** {@code file:line:column: field: problem (allowed: ...)}, the compiler-style line the CLI prints. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message();
    }

    @Override
    public int compareTo(ValidationError o) {
        return ORDER.compare(this, o);
    }
}
