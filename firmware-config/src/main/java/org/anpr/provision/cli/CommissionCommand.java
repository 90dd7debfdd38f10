package org.anpr.provision.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.anpr.provision.commission.Check;
import org.anpr.provision.commission.Commissioning;
import org.anpr.provision.commission.CommissioningReport;
import org.anpr.provision.commission.ReportFiles;
import org.anpr.provision.device.DeviceSession;
import org.anpr.provision.validation.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commission PROFILE [--device coaps://…] [--out DIR]}: run the on-site checks and write the report. */
@Command(name = "commission", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Commission a gantry: check that it is the profiled gantry, runs its profile's",
            "configuration, reports healthy, keeps time within clock.syncBoundMicros, returns a test shot,",
            "and passes its GPIO loopback self-test (when the profile has GPIO). Writes report.html,",
            "report.json and test-shot.jpg into --out. Nothing on the gantry is changed."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every check passed", "9:a check failed (the report says which)", "1:the profile is invalid or its key file unusable",
            "2:usage error", "5:the device did not answer (no report)", "6:the device is another gantry (no report)"})
final class CommissionCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOptions target;

    @Mixin
    OutputOptions output;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the report (default: commissioning/GANTRY-yyyyMMdd-HHmmss, UTC).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedProfile loaded = target.load(spec.commandLine().getErr());
        Clock clock = Clock.systemUTC();
        CommissioningReport report;
        try (DeviceSession session = target.open(loaded)) {
            if (!output.json) {
                out.println("commissioning " + loaded.profile().id() + " at " + session.address() + " ...");
                out.flush();
            }
            byte[] running = DeviceOptions.running(session);
            report = new Commissioning(clock).run(loaded, session, running, target.rendered(loaded, running));
        }
        Path folder = outDir != null ? outDir
                : Path.of("commissioning", loaded.profile().id() + "-" + STAMP.format(report.started()));
        String json;
        try {
            json = Json.write(ReportFiles.write(report, folder));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot write the report into " + folder + ": " + e);
        }
        if (output.json) {
            out.println(json);
        } else {
            print(out, output.ansi(), report, folder);
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static void print(PrintWriter out, Ansi ansi, CommissioningReport r, Path folder) {
        for (Check c : r.checks()) {
            String mark = switch (c.outcome()) {
                case PASS -> "@|green PASS|@";
                case FAIL -> "@|red,bold FAIL|@";
                case SKIPPED -> "@|faint n/a |@";
            };
            out.println(ansi.string("  " + mark + "  " + c.title() + ": " + c.detail().replace("@|", "@@|")));
        }
        out.println(ansi.string((r.passed() ? "@|green,bold commissioning PASSED|@" : "@|red,bold commissioning FAILED|@")
                + " (" + r.count(Check.Outcome.PASS) + " passed, " + r.count(Check.Outcome.FAIL) + " failed, "
                + r.count(Check.Outcome.SKIPPED) + " not applicable); report: " + folder.resolve(ReportFiles.HTML)));
    }
}
