package org.anpr.provision.yaml;

import java.util.List;
import org.anpr.provision.diagnostics.Source;

/** A YAML sequence; lists are replaced, not merged, when a profile overrides its defaults. */
public record YamlList(Source source, List<YamlNode> items) implements YamlNode {
    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
