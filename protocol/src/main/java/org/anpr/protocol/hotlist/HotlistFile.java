package org.anpr.protocol.hotlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A hotlist CSV file read for a command (the gantry's and the centre's {@code hotlist import}):
 * the parse of {@link HotlistCsv}, with every problem told the way a person fixes it,
 * {@code FILE:LINE: column: reason}.
 */
public final class HotlistFile {
    private HotlistFile() {
    }

    /**
     * The file's change set when it is valid and not empty; otherwise empty, after telling
     * {@code err} (each line prefixed with {@code command}) what is wrong and that nothing was applied.
     */
    public static Optional<HotlistCsv.Result> read(Path file, String command, PrintStream err) {
        HotlistCsv.Result parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = new HotlistCsv().parse(in);
        } catch (NoSuchFileException e) {
            err.println(command + ": " + file + ": no such file");
            return Optional.empty();
        } catch (IOException e) {
            err.println(command + ": " + file + ": cannot read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (!parsed.valid()) {
            for (HotlistCsv.LineError e : parsed.errors()) {
                err.println(file + ":" + e.line() + ": " + (e.column() == null || e.column().isEmpty() ? "" : e.column() + ": ")
                        + e.reason());
            }
            err.println(command + ": " + parsed.errors().size() + " line(s) invalid; nothing was applied (header: "
                    + HotlistCsv.header() + ")");
            return Optional.empty();
        }
        if (parsed.upserts().isEmpty() && parsed.removals().isEmpty()) {
            err.println(command + ": " + file + " has a header but no entries; nothing was applied");
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    /** {@code "version 3: 2 entries added or changed, 1 removed; 40 in all"}, the commands' report. */
    public static String summary(long version, HotlistCsv.Result applied, int size) {
        int n = applied.upserts().size();
        return "hotlist version " + version + ": " + n + " entr" + (n == 1 ? "y" : "ies") + " added or changed, "
                + applied.removals().size() + " removed; " + size + " in all";
    }
}
