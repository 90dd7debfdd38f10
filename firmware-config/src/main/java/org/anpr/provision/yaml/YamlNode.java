package org.anpr.provision.yaml;

import org.anpr.provision.diagnostics.Source;

/**
 * A YAML value with the place it was written, so that a problem found after parsing, merging
 * defaults and mapping can still be reported at its line and column. Jackson's own tree
 * ({@code JsonNode}) shares instances of small values and keeps no locations, hence this one.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
    Source source();

    /** What this value is, for "wrong type" messages: {@code a mapping}, {@code the text 'abc'}. */
    String describe();
}
