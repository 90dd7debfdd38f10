package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code anpr provision} command: a list of subcommands, each with {@code --help}. */
@Command(name = "anpr provision", mixinStandardHelpOptions = true, version = "anpr provision 0.1.0",
        description = "Write, check and (later) push gantry provisioning profiles.",
        subcommands = {ValidateCommand.class, SchemaCommand.class, RenderCommand.class, NotYetAvailable.Diff.class,
            NotYetAvailable.Push.class, NotYetAvailable.Commission.class, NotYetAvailable.Keys.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:valid / done", "1:a profile is invalid", "2:usage error (bad option, missing path)",
            "3:command not yet available", "4:internal error"})
public final class ProvisionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A command line that prints to {@code out} and {@code err}, with the tool's exit codes. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ProvisionCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
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
