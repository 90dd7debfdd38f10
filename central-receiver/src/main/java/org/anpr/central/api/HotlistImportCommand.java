package org.anpr.central.api;

import java.io.PrintStream;
import java.nio.file.Path;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.Stores;
import org.anpr.protocol.CodecLimits;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.hotlist.HotlistCsv;
import org.anpr.protocol.hotlist.HotlistFile;

/**
 * {@code ./anpr receiver hotlist import FILE.csv [--config FILE]}: applies a hotlist file (the
 * console's CSV format, {@link HotlistCsv#header()}) to the central hotlist as one new version,
 * audited as the command line's. Every bad line is reported with its number and nothing is applied
 * unless all are valid. Run it with the receiver stopped (a running receiver would not see the new
 * version until it restarts); while it runs, upload through the console or the API.
 */
public final class HotlistImportCommand {
    private HotlistImportCommand() {
    }

    public static int run(Path file, ReceiverConfig config, PrintStream out, PrintStream err) {
        java.util.Optional<HotlistCsv.Result> read = HotlistFile.read(file, "anpr receiver hotlist import", err);
        if (read.isEmpty()) {
            return 2;
        }
        HotlistCsv.Result parsed = read.get();
        String prefix = "anpr receiver hotlist import: ";
        try (Stores stores = Stores.open(config.store());
             CentralDatabase db = CentralDatabase.open(config.store(), 1, OperatorApi.schema())) {
            CentralHotlist hotlist = new CentralHotlist(stores.hotlist(), config.hotlist().deltaHistoryVersions(),
                    config.hotlist().maxEntriesPerChunk(), new WireCodec(CodecLimits.DEFAULTS));
            long version = hotlist.apply(parsed.upserts(), parsed.removals());
            new AuditLog(db).append(new AuditLog.Event(null, "command-line", "hotlist.import", file.getFileName().toString(), null,
                    "{\"upserts\":" + parsed.upserts().size() + ",\"removals\":" + parsed.removals().size() + ",\"version\":" + version
                            + "}"), System.currentTimeMillis() * 1000);
            out.println(HotlistFile.summary(version, parsed, hotlist.size()) + ", in " + config.store().describe());
            return 0;
        } catch (ProtocolException e) {
            err.println(prefix + "refused, nothing applied: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(prefix + "cannot write to the store: " + e.getMessage());
            return 1;
        }
    }
}
