package org.anpr.edge.hotlist;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.protocol.hotlist.HotlistCsv;
import org.anpr.protocol.hotlist.HotlistFile;
import org.anpr.protocol.v1.HotlistDelta;

/**
 * {@code ./anpr agent hotlist import FILE.csv --config gantry.yaml}: a hotlist a person can write
 * (the centre's CSV format, {@link HotlistCsv#header()}), applied to the gantry's own hotlist store
 * ({@code hotlist.file}) as one new version, for a gantry that runs without a centre. Every bad line
 * is reported with its number and nothing is applied unless all are valid. Run it with the agent
 * stopped. A gantry connected to a centre takes its list from the centre, whose next full snapshot
 * replaces what was imported here.
 */
public final class HotlistImport {
    private HotlistImport() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String prefix = "anpr agent hotlist import: ";
        if (args.length != 5 || !args[1].equals("import") || !args[3].equals("--config")) {
            err.println("anpr agent hotlist: usage: hotlist import FILE.csv --config gantry.yaml");
            return 2;
        }
        Path file = Path.of(args[2]);
        AgentConfig config;
        try {
            config = AgentConfigLoader.load(Path.of(args[4]));
        } catch (ConfigException e) {
            err.println(prefix + args[4] + ": " + e.getMessage());
            return 2;
        }
        java.util.Optional<HotlistCsv.Result> read = HotlistFile.read(file, "anpr agent hotlist import", err);
        if (read.isEmpty()) {
            return 2;
        }
        HotlistCsv.Result parsed = read.get();
        try (Hotlist hotlist = Hotlist.open(config.hotlistFile())) {
            long from = hotlist.version();
            hotlist.apply(HotlistDelta.newBuilder().setFromVersion(from).setToVersion(from + 1)
                    .setPublishedAtMicros(System.currentTimeMillis() * 1000)
                    .addAllUpserts(parsed.upserts()).addAllRemovedEntryIds(parsed.removals()).build());
            out.println(HotlistFile.summary(hotlist.version(), parsed, hotlist.size()) + ", in " + config.hotlistFile());
            return 0;
        } catch (DeltaRejectedException e) {
            err.println(prefix + "refused, nothing applied: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println(prefix + "hotlist.file " + config.hotlistFile() + ": " + e.getMessage());
            return 1;
        }
    }
}
