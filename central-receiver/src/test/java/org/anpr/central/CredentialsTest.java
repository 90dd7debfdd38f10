package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.central.auth.GantryCredentials;
import org.anpr.central.auth.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void hashesVerifyAndNeverEqualThePassword() {
        String h = PasswordHasher.hash("s3cret".toCharArray(), 1_000);
        assertTrue(h.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(h.contains("s3cret"));
        assertTrue(PasswordHasher.verify("s3cret".toCharArray(), h));
        assertFalse(PasswordHasher.verify("s3creT".toCharArray(), h));
        assertFalse(PasswordHasher.verify("s3cret".toCharArray(), "plain"));
        assertTrue(!h.equals(PasswordHasher.hash("s3cret".toCharArray(), 1_000)), "salted");
    }

    /** Issue 17, item 5: a generated machine secret is checked with one salted SHA-256, not PBKDF2. */
    @Test
    void machineSecretsAreLongRandomAndCheckedFast() {
        char[] secret = PasswordHasher.generateSecret();
        assertEquals(PasswordHasher.MIN_SECRET_CHARS, secret.length);
        assertFalse(new String(secret).equals(new String(PasswordHasher.generateSecret())));
        String h = PasswordHasher.hashSecret(secret);
        assertTrue(h.startsWith("sha256-secret$"), h);
        assertTrue(PasswordHasher.isWellFormed(h));
        assertTrue(PasswordHasher.verify(secret, h));
        char[] other = secret.clone();
        other[5] ^= 1;
        assertFalse(PasswordHasher.verify(other, h));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.hashSecret("short-password".toCharArray()));
    }

    @Test
    void aFileOfMachineSecretsAuthenticatesAndAnUnknownIdCostsTheSame() throws Exception {
        char[] a = PasswordHasher.generateSecret();
        Path f = dir.resolve("credentials");
        Files.writeString(f, "A2-N-km40:" + PasswordHasher.hashSecret(a) + "\n");
        GantryCredentials c = GantryCredentials.load(f);
        assertTrue(c.authenticate("A2-N-km40", new String(a).getBytes(StandardCharsets.UTF_8)));
        assertFalse(c.authenticate("A2-N-km40", "wrong".getBytes(StandardCharsets.UTF_8)));
        long before = c.derivations();
        assertFalse(c.authenticate("nobody", new String(a).getBytes(StandardCharsets.UTF_8)));
        assertEquals(before + 1, c.derivations(), "an unknown id is checked against a decoy too");
    }

    @Test
    void credentialsFileIsCheckedLineByLine() throws Exception {
        Path f = dir.resolve("credentials");
        Files.writeString(f, "# comment\nA2-N-km40:" + PasswordHasher.hash("pw".toCharArray(), 1_000) + "\n");
        GantryCredentials c = GantryCredentials.load(f);
        assertEquals(1, c.size());
        assertTrue(c.authenticate("A2-N-km40", "pw".getBytes(StandardCharsets.UTF_8)));
        assertFalse(c.authenticate("A2-N-km40", "PW".getBytes(StandardCharsets.UTF_8)));
        assertFalse(c.authenticate("nobody", "pw".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, GantryCredentials.load(dir.resolve("absent")).size());

        Files.writeString(f, "A2-N-km40:plaintext\nbad/id:" + PasswordHasher.hash("pw".toCharArray(), 1_000) + "\n");
        IOException e = assertThrows(IOException.class, () -> GantryCredentials.load(f));
        assertTrue(e.getMessage().contains("credentials:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials:2:"), e.getMessage());
    }

    /** Issue 17, item 4: an unknown gantry id costs the same key derivation as a known one (no timing oracle for ids). */
    @Test
    void anUnknownIdCostsTheSameWorkAsAKnownOne() {
        GantryCredentials c = GantryCredentials.of(java.util.Map.of("G1",
                org.anpr.central.auth.PasswordHasher.hash("right".toCharArray(), 1000)));
        assertEquals(true, c.authenticate("G1", "right".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, c.authenticate("G1", "wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, c.authenticate("NOBODY", "right".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, c.authenticate("NOBODY", null));
        assertEquals(4, c.derivations(), "one derivation per attempt, known id or not");
    }
}
