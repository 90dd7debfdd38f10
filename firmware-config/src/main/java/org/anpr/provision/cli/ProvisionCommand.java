package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code anpr provision} command: a list of subcommands, each with {@code --help}. */
@Command(name = "anpr provision", mixinStandardHelpOptions = true, version = "anpr provision 0.1.0",
        description = "Write, check, render and push gantry provisioning profiles, and commission gantries.",
        subcommands = {ValidateCommand.class, SchemaCommand.class, RenderCommand.class, KeysCommand.class,
            DiffCommand.class, PushCommand.class, CommissionCommand.class},
        exitCodeListHeading = "%nExit codes (the same for every command):%n", exitCodeList = {
            "0:valid / done / no difference / every check passed", "1:a profile is invalid, or a secret file it names",
            "2:usage error (bad option, missing path, bad --device)", "4:internal error",
            "5:device unreachable (timeout, DTLS handshake failed, device error)",
            "6:device refused the configuration, or is another gantry", "7:diff: the device differs from the profile",
            "8:push: not confirmed, nothing sent", "9:commission: a check failed (report written)",
            "10:keys: the file exists, nothing written"})
public final class ProvisionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A command line that prints to {@code out} and {@code err}, with the tool's exit codes. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ProvisionCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CommandFailure f) {
                if (f.getMessage() != null) {
                    line.getErr().println(line.getCommandName().equals("anpr provision") ? "anpr provision: " + f.getMessage()
                            : "anpr provision " + line.getCommandName() + ": " + f.getMessage());
                }
                line.getErr().flush();
                return f.exitCode();
            }
            line.getErr().println("anpr provision: internal error: " + e);
            e.printStackTrace(line.getErr());
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("anpr provision: which command? (validate, schema, render, diff, push, commission, keys)");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }
}
