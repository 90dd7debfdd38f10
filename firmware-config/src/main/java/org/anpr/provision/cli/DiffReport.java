package org.anpr.provision.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.anpr.provision.diff.ConfigDiff.Change;
import picocli.CommandLine.Help.Ansi;

/** The changes between a device and its profile, as coloured lines or as JSON ({@code diff}, {@code push}). */
final class DiffReport {
    private DiffReport() {
    }

    static void print(PrintWriter out, Ansi ansi, List<Change> changes) {
        for (Change c : changes) {
            String colour = switch (c.kind()) {
                case ADDED -> "green";
                case REMOVED -> "red";
                case CHANGED -> "yellow";
            };
            out.println(ansi.string("  @|" + colour + " " + escape(c.toString()) + "|@"));
        }
    }

    /** The line saying which secrets the gantry keeps to itself, or nothing. */
    static void printHidden(PrintWriter out, List<String> hidden) {
        if (!hidden.isEmpty()) {
            out.println("  (" + hidden.size() + " secret(s) not compared, the gantry does not show them: " + String.join(", ", hidden)
                    + "; 'push --force' sends them)");
        }
    }

    /**
     * {@code "changes": [{"path", "kind", "device", "profile"}]} (secrets as "(secret)") and
     * {@code "secretsNotCompared": [path]}.
     */
    static void addTo(ObjectNode root, List<Change> changes, List<String> hidden) {
        ArrayNode h = root.putArray("secretsNotCompared");
        hidden.forEach(h::add);
        addTo(root, changes);
    }

    private static void addTo(ObjectNode root, List<Change> changes) {
        ArrayNode list = root.putArray("changes");
        for (Change c : changes) {
            list.addObject().put("path", c.path()).put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("device", c.before()).put("profile", c.after());
        }
    }

    /** Keeps picocli's markup characters in values from being read as markup. */
    private static String escape(String s) {
        return s.replace("@|", "@@|").replace("|@", "|@@");
    }

    static String count(int n) {
        return n == 1 ? "1 change" : n + " changes";
    }
}
