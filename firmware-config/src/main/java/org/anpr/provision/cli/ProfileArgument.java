package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ValidationResult;
import org.anpr.provision.validation.Validator;
import picocli.CommandLine.Help.Ansi;

/** The profile argument of the commands: validated before use, every problem printed when it is not. */
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
        return validated(profile, err, "the profile is invalid; nothing was done").profiles().get(0);
    }

    /**
     * A profile file or a folder (a network), valid.
     *
     * @param refusal what the command says when it is not
     * @throws CommandFailure {@link ExitCodes#USAGE} for a missing path or a folder without profiles;
     *                        {@link ExitCodes#INVALID} (after printing every problem to {@code err}) when invalid
     */
    static ValidationResult validated(Path path, PrintWriter err, String refusal) {
        ValidationResult result;
        try {
            result = Validator.validate(List.of(path));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        if (!result.valid()) {
            new TextReport(err, Ansi.OFF).print(result);
            err.flush();
            throw new CommandFailure(ExitCodes.INVALID, refusal);
        }
        return result;
    }
}
