package org.anpr.provision.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value that may take one of several shapes, told apart by their YAML kind: e.g. a margin rule is
 * either a preset name (a scalar) or its numbers (a mapping). At most one alternative per kind.
 */
public record ChoiceSpec(List<Spec> alternatives) implements Spec {
    public ChoiceSpec {
        alternatives = List.copyOf(alternatives);
    }

    public static ChoiceSpec of(Spec... alternatives) {
        return new ChoiceSpec(List.of(alternatives));
    }

    @Override
    public String expected() {
        return alternatives.stream().map(Spec::expected).collect(Collectors.joining(", or "));
    }
}
