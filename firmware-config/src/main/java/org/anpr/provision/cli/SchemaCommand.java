package org.anpr.provision.cli;

import java.util.concurrent.Callable;
import org.anpr.provision.profile.ProfileFormat;
import org.anpr.provision.schema.JsonSchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code schema}: prints the profile's JSON Schema, for editors (yaml-language-server and the like). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of provisioning profiles.",
            "Editors use it for completion and checks, e.g. with the first line",
            "  # yaml-language-server: $schema=../docs/gantry-profile.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JsonSchemaWriter.toText(ProfileFormat.jsonSchema()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
