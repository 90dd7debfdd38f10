package org.anpr.central.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorPasswordsTest {
    private static final String PHC_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";
    private final OperatorPasswords passwords = new OperatorPasswords();

    @Test
    void hashThenVerify() {
        String encoded = passwords.hash("correct horse battery".toCharArray());
        assertTrue(passwords.verify("correct horse battery".toCharArray(), encoded));
        assertFalse(passwords.verify("correct horse batterY".toCharArray(), encoded));
    }

    @Test
    void saltMakesHashesDiffer() {
        char[] pw = "same password here".toCharArray();
        assertNotEquals(passwords.hash(pw), passwords.hash(pw));
    }

    @Test
    void encodedStringIsPhcWithDefaults() {
        String encoded = passwords.hash("another password".toCharArray());
        assertTrue(encoded.startsWith(PHC_PREFIX), encoded);
        String saltAndHash = encoded.substring(PHC_PREFIX.length());
        assertTrue(saltAndHash.matches("[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), "no padding: " + encoded);
    }

    @Test
    void encodedStringInteroperatesWithBouncyCastle() {
        String encoded = passwords.hash("interop password".toCharArray());
        String[] fields = encoded.split("\\$");
        assertEquals("argon2id", fields[1]);
        assertEquals("v=19", fields[2]);
        String[] params = fields[3].split(",");
        byte[] salt = Base64.getDecoder().decode(fields[4]);
        byte[] expected = Base64.getDecoder().decode(fields[5]);
        assertEquals(16, salt.length);
        assertEquals(32, expected.length);

        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(Integer.parseInt(params[0].substring(2)))
                .withIterations(Integer.parseInt(params[1].substring(2)))
                .withParallelism(Integer.parseInt(params[2].substring(2)))
                .withSalt(salt)
                .build());
        byte[] actual = new byte[32];
        generator.generateBytes("interop password".getBytes(StandardCharsets.UTF_8), actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void verifiesHashMadeWithOtherParameters() {
        String encoded = new OperatorPasswords(8192, 1, 2).hash("older settings pw".toCharArray());
        assertTrue(encoded.startsWith("$argon2id$v=19$m=8192,t=1,p=2$"));
        assertTrue(passwords.verify("older settings pw".toCharArray(), encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain text",
        "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        "$argon2id$v=19$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c2Fsd!!!HNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFz*GhhcaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g$x",
    })
    void malformedEncodingsAreRejected(String encoded) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> passwords.verify("whatever password".toCharArray(), encoded));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void nullEncodingIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> passwords.verify("x".toCharArray(), null));
    }

    @Test
    void burnDoesTheWorkWithoutThrowing() {
        assertDoesNotThrow(() -> passwords.burn("unknown user pw".toCharArray()));
    }

    @Test
    void constructorRejectsWeakParameters() {
        assertThrows(IllegalArgumentException.class, () -> new OperatorPasswords(8191, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new OperatorPasswords(19456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new OperatorPasswords(19456, 2, 0));
    }

    @Test
    void policyEnforcesLength() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> OperatorPasswords.checkPolicy("a".repeat(11).toCharArray()));
        assertTrue(tooShort.getMessage().contains("at least 12"), tooShort.getMessage());
        assertDoesNotThrow(() -> OperatorPasswords.checkPolicy("a".repeat(12).toCharArray()));
        assertDoesNotThrow(() -> OperatorPasswords.checkPolicy("a".repeat(256).toCharArray()));
        assertThrows(IllegalArgumentException.class,
                () -> OperatorPasswords.checkPolicy("a".repeat(257).toCharArray()));
    }
}
