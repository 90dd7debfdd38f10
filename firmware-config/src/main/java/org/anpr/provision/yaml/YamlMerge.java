package org.anpr.provision.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a profile inherits from its defaults: mappings are merged key by key (recursively), every
 * other value — scalars and lists alike — is replaced by the profile's, and a key the profile sets
 * to an empty value ({@code ~}) removes the inherited one. Each value keeps the position of the file
 * it came from, so an error in an inherited value points into the defaults file.
 */
public final class YamlMerge {
    private YamlMerge() {
    }

    public static YamlMap merge(YamlMap defaults, YamlMap profile) {
        Map<String, YamlMap.Entry> out = new LinkedHashMap<>(defaults.asMap());
        for (YamlMap.Entry e : profile.entries()) {
            YamlMap.Entry inherited = out.get(e.key());
            if (inherited != null && e.value() instanceof YamlScalar s && s.isNull()) {
                out.remove(e.key());
            } else if (inherited != null && inherited.value() instanceof YamlMap base && e.value() instanceof YamlMap own) {
                out.put(e.key(), new YamlMap.Entry(e.key(), e.keySource(), merge(base, own)));
            } else {
                out.put(e.key(), e);
            }
        }
        return new YamlMap(profile.source(), out);
    }
}
