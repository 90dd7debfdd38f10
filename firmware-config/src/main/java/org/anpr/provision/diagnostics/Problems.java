package org.anpr.provision.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found instead of stopping at the first, so a technician fixes a profile in
 * one round. The same problem reported twice (a defaults file inherited by several profiles) is
 * kept once; {@link #sorted()} orders by file, line and column.
 */
public final class Problems {
    private final Set<ValidationError> errors = new LinkedHashSet<>();

    public void add(ValidationError e) {
        errors.add(e);
    }

    public void add(Path file, int line, int column, String field, String problem, String allowed) {
        add(new ValidationError(file, line, column, field, problem, allowed));
    }

    /** A problem at {@code at}; {@code allowed} may be null. */
    public void at(Source at, String field, String problem, String allowed) {
        add(at.file(), at.line(), at.column(), field, problem, allowed);
    }

    public void addAll(Problems other) {
        errors.addAll(other.errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<ValidationError> sorted() {
        List<ValidationError> out = new ArrayList<>(errors);
        out.sort(null);
        return out;
    }
}
