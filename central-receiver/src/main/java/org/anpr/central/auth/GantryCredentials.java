package org.anpr.central.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.protocol.topic.GantryId;

/**
 * Password hashes per gantry, from a file of {@code gantry-id:hash} lines ({@code #} comments).
 * Only hashes are ever held; a malformed line stops the start with its line number.
 */
public final class GantryCredentials {
    private final Map<String, String> hashes;

    private GantryCredentials(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    public static GantryCredentials of(Map<String, String> hashes) {
        return new GantryCredentials(hashes);
    }

    /** Loads the file; a missing file is an empty set (nobody can connect), not an error. */
    public static GantryCredentials load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new GantryCredentials(Map.of());
        }
        Map<String, String> hashes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String id = colon < 0 ? line : line.substring(0, colon);
            String hash = colon < 0 ? "" : line.substring(colon + 1);
            String where = file + ":" + (i + 1) + ": ";
            if (!GantryId.isValid(id)) {
                problems.add(where + GantryId.problemWith(id));
            } else if (!PasswordHasher.isWellFormed(hash)) {
                problems.add(where + "not '" + id + ":" + PasswordHasher.SCHEME + "$iterations$salt$hash'");
            } else if (hashes.put(id, hash) != null) {
                problems.add(where + "gantry '" + id + "' appears twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("bad credentials file:\n  " + String.join("\n  ", problems));
        }
        return new GantryCredentials(hashes);
    }

    /** Whether {@code gantryId} is known and {@code password} is its password. */
    public boolean authenticate(String gantryId, byte[] password) {
        String hash = gantryId == null ? null : hashes.get(gantryId);
        if (hash == null || password == null) {
            return false;
        }
        char[] chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(password)).array();
        try {
            return PasswordHasher.verify(chars, hash);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    public int size() {
        return hashes.size();
    }
}
