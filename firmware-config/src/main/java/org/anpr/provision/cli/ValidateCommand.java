package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anpr.provision.validation.ValidationResult;
import org.anpr.provision.validation.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate PATH...}: checks profiles, and folders of profiles as networks. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check gantry provisioning profiles; print every problem as",
            "  file:line:column: field: problem (allowed: ...)",
            "A FILE is checked on its own. A FOLDER is a network: each *.yaml in it is a",
            "profile (except the defaults files the profiles extend), and the network is",
            "checked as a whole: gantry ids unique, both ends of every section present and",
            "agreeing on distance, limit, margin and direction."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every profile is valid", "1:at least one problem was found", "2:usage error (bad option, no such path)"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Profile files or folders of profiles.")
    List<Path> paths;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ValidationResult result;
        try {
            result = Validator.validate(paths);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("anpr provision validate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (output.json) {
            out.println(JsonReport.toJson(result));
        } else {
            new TextReport(out, output.ansi()).print(result);
        }
        out.flush();
        return result.valid() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
