package org.anpr.central.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.protocol.topic.GantryId;

/**
 * The format of the centre's per-gantry files (credentials, signing keys): one
 * {@code gantry-id:value} line per gantry, {@code #} comments and blank lines ignored. Every bad
 * line is reported with its number, and nothing of a file with one is used.
 */
public final class GantryLines {
    /** Turns a line's value into what the file holds; throws with what is wrong. */
    public interface ValueParser<T> {
        T parse(String gantryId, String value) throws IllegalArgumentException;
    }

    private GantryLines() {
    }

    /**
     * @param what  the file's role, for the error ({@code credentials file})
     * @throws IOException listing every bad line as {@code FILE:LINE: reason}
     */
    public static <T> Map<String, T> parse(Object file, List<String> lines, String what, ValueParser<T> parser) throws IOException {
        Map<String, T> out = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String id = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            String where = file + ":" + (i + 1) + ": ";
            if (!GantryId.isValid(id)) {
                problems.add(where + GantryId.problemWith(id));
                continue;
            }
            try {
                if (out.put(id, parser.parse(id, value)) != null) {
                    problems.add(where + "gantry '" + id + "' appears twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("bad " + what + ":\n  " + String.join("\n  ", problems));
        }
        return out;
    }
}
