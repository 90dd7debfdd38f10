package org.anpr.central.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Password hashes per gantry, from a file of {@code gantry-id:hash} lines ({@code #} comments).
 * Only hashes are ever held; a malformed line stops the start with its line number.
 */
public final class GantryCredentials {
    private final Map<String, String> hashes;
    /**
     * Checked for an unknown gantry id, with the iteration count of the known ones: refusing an
     * unknown id at once while a known one costs a KDF run would tell an attacker which ids exist.
     */
    private volatile String decoy;
    private final java.util.concurrent.atomic.LongAdder derivations = new java.util.concurrent.atomic.LongAdder();

    private GantryCredentials(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    /**
     * Made on first need (a start must not pay a KDF run for it). Of the fast secret scheme when
     * every gantry has a machine secret, else PBKDF2 with the known ones' iteration count: in a
     * file that mixes the schemes an unknown id costs what a password does, so the ids with fast
     * secrets answer measurably sooner (migrate the whole fleet to secrets: see the README).
     */
    private String decoy() {
        String d = decoy;
        if (d == null) {
            boolean allSecrets = !hashes.isEmpty() && hashes.values().stream().allMatch(PasswordHasher::isSecretScheme);
            if (allSecrets) {
                d = PasswordHasher.hashSecret(PasswordHasher.generateSecret());
            } else {
                int iterations = hashes.values().stream().filter(h -> !PasswordHasher.isSecretScheme(h)).findFirst()
                        .map(GantryCredentials::iterations).orElse(PasswordHasher.DEFAULT_ITERATIONS);
                d = PasswordHasher.hash(java.util.UUID.randomUUID().toString().toCharArray(), iterations);
            }
            decoy = d;
        }
        return d;
    }

    private static int iterations(String encoded) {
        return Integer.parseInt(encoded.split("\\$")[1]);
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
        Map<String, String> hashes = GantryLines.parse(file, lines, "credentials file", (id, hash) -> {
            if (!PasswordHasher.isWellFormed(hash)) {
                throw new IllegalArgumentException("not '" + id + ":" + PasswordHasher.SCHEME + "$iterations$salt$hash' or '" + id + ":"
                        + PasswordHasher.SECRET_SCHEME + "$salt$hash'");
            }
            return hash;
        });
        return new GantryCredentials(hashes);
    }

    /** Whether {@code gantryId} is known and {@code password} is its password. */
    public boolean authenticate(String gantryId, byte[] password) {
        return verifier(gantryId, password) != null;
    }

    /**
     * The stored hash that {@code password} matched for {@code gantryId}, or null. A connection
     * keeps it, so that after a reload it can tell whether its credential was revoked or replaced
     * ({@link #stillAccepts}).
     */
    public String verifier(String gantryId, byte[] password) {
        String hash = gantryId == null ? null : hashes.get(gantryId);
        byte[] given = password == null ? new byte[0] : password;
        char[] chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(given)).array();
        try {
            derivations.increment();
            boolean matches = PasswordHasher.verify(chars, hash == null ? decoy() : hash); // the same work either way
            return hash != null && password != null && matches ? hash : null;
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /** Whether a connection authenticated against {@code verifier} may stay: the gantry's line is unchanged. */
    public boolean stillAccepts(String gantryId, String verifier) {
        return verifier != null && verifier.equals(hashes.get(gantryId));
    }

    /** Key derivations run so far (one per authentication, known id or not). */
    public long derivations() {
        return derivations.sum();
    }

    public int size() {
        return hashes.size();
    }
}
