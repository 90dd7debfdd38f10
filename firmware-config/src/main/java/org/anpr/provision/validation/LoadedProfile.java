package org.anpr.provision.validation;

import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.yaml.YamlMap;
import org.anpr.provision.yaml.YamlPath;

/**
 * One profile as loaded: its file, the files it inherits from (nearest first), the merged YAML
 * tree (for locations), the typed profile (null when the file could not be parsed) and the
 * problems found in it.
 */
public record LoadedProfile(Path file, List<Path> defaults, YamlMap tree, GantryProfile profile, Problems problems) {
    public LoadedProfile {
        defaults = List.copyOf(defaults);
    }

    public boolean parsed() {
        return tree != null;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Where the value at {@code path} was written (in this file or a defaults file). */
    public Source at(String path) {
        return tree == null ? Source.startOf(file) : YamlPath.source(tree, path);
    }

    /** Where the key of {@code path} was written. */
    public Source keyAt(String path) {
        return tree == null ? Source.startOf(file) : YamlPath.keySource(tree, path);
    }
}
