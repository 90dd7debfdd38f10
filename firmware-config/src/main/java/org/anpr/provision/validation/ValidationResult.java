package org.anpr.provision.validation;

import java.util.List;
import org.anpr.provision.diagnostics.ValidationError;

/**
 * What {@link Validator} found.
 *
 * @param profiles the gantry profiles looked at (defaults files not counted)
 * @param networks how many folders were checked as a network
 * @param errors   every problem, sorted by file, line and column
 */
public record ValidationResult(List<LoadedProfile> profiles, int networks, List<ValidationError> errors) {
    public ValidationResult {
        profiles = List.copyOf(profiles);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Profiles with at least one problem of their own or of their defaults. */
    public long invalidProfiles() {
        return profiles.stream().filter(p -> !p.valid()).count();
    }
}
