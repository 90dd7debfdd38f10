package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ValidationResult;
import org.anpr.provision.validation.Validator;
import picocli.CommandLine.Help.Ansi;

/** The one-profile argument of {@code keys}, {@code diff}, {@code push} and {@code commission}: validated before use. */
final class ProfileArgument {
    private ProfileArgument() {
    }

    /**
     * The profile, valid.
     *
     * @throws CommandFailure {@link ExitCodes#USAGE} for a folder or missing file; {@link ExitCodes#INVALID}
     *                        (after printing every problem to {@code err}) for an invalid profile
     */
    static LoadedProfile loadValid(Path profile, PrintWriter err) {
        if (Files.isDirectory(profile)) {
            throw new CommandFailure(ExitCodes.USAGE, profile + " is a folder; give one gantry's profile file");
        }
        ValidationResult result;
        try {
            result = Validator.validate(List.of(profile));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        if (!result.valid()) {
            new TextReport(err, Ansi.OFF).print(result);
            err.flush();
            throw new CommandFailure(ExitCodes.INVALID, "the profile is invalid; nothing was done");
        }
        return result.profiles().get(0);
    }
}
