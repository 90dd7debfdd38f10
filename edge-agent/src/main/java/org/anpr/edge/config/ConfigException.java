package org.anpr.edge.config;

import java.util.List;

/** Invalid configuration: every problem found, each naming its field. */
public final class ConfigException extends Exception {
    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(errors.size() + " configuration error(s):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** One line per problem: {@code field.path: problem}. */
    public List<String> errors() {
        return errors;
    }
}
