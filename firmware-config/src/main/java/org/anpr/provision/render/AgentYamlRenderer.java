package org.anpr.provision.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import org.anpr.provision.validation.LoadedProfile;

/**
 * {@code render --format agent}: the edge agent's {@code gantry.yaml}. A header comment names the
 * source profile, the profile fields not rendered (the agent has no key for them) and, without
 * {@code --with-secrets}, each secret key the technician must fill and the file it comes from.
 */
public final class AgentYamlRenderer {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private AgentYamlRenderer() {
    }

    public static String render(LoadedProfile profile, RenderOptions options) throws RenderException {
        AgentDocument doc = AgentDocument.of(profile, options, false);
        StringBuilder out = new StringBuilder();
        out.append("# gantry.yaml for ").append(profile.profile().id()).append(", rendered by 'anpr provision render' from ")
                .append(profile.file().getFileName()).append(" (edit the profile, not this file)\n");
        out.append("# not rendered (no gantry.yaml key): ").append(String.join(", ", doc.notRendered())).append('\n');
        if (!doc.toFill().isEmpty()) {
            out.append("# secrets left out (render --with-secrets to fill them from the files):\n");
            for (String line : doc.toFill()) {
                out.append("#   ").append(line).append('\n');
            }
        }
        if (profile.profile().mqtt().tls() != null) {
            out.append("# install the TLS stores on the controller in ").append(options.deviceSecrets()).append('\n');
        }
        try {
            out.append(YAML.writeValueAsString(doc.tree()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
