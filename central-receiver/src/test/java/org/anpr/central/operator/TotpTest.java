package org.anpr.central.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, SHA-1 column; our codes are the last 6 of the 8 digits. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130",
    })
    void rfc6238Vectors(long epochSeconds, String eightDigits) {
        long step = Totp.step(epochSeconds * 1000);
        assertEquals(eightDigits.substring(2), Totp.code(RFC_SECRET, step));
    }

    @Test
    void base32MatchesRfc4648AndRoundTrips() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", Totp.base32(new byte[0]));
        assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.fromBase32("mzxw 6ytb oi======"));
        for (int i = 0; i < 50; i++) {
            byte[] secret = Totp.newSecret();
            assertEquals(20, secret.length);
            assertArrayEquals(secret, Totp.fromBase32(Totp.base32(secret)));
        }
    }

    @Test
    void base32RejectsBadCharacters() {
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("MZXW1YTB"));
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("MZXW-YTB"));
    }

    @Test
    void verifyAcceptsCurrentAndOneStepOfSkew() {
        byte[] secret = Totp.newSecret();
        long now = 1_700_000_000_000L;
        long step = Totp.step(now);
        for (long delta = -1; delta <= 1; delta++) {
            OptionalLong matched = Totp.verify(secret, Totp.code(secret, step + delta), now, 0);
            assertEquals(OptionalLong.of(step + delta), matched, "delta " + delta);
        }
        assertFalse(Totp.verify(secret, Totp.code(secret, step - 2), now, 0).isPresent());
        assertFalse(Totp.verify(secret, Totp.code(secret, step + 2), now, 0).isPresent());
    }

    @Test
    void verifyRejectsReplay() {
        byte[] secret = Totp.newSecret();
        long now = 1_700_000_000_000L;
        long step = Totp.step(now);
        String code = Totp.code(secret, step);
        OptionalLong first = Totp.verify(secret, code, now, step - 5);
        assertEquals(OptionalLong.of(step), first);
        assertFalse(Totp.verify(secret, code, now, first.getAsLong()).isPresent());
        assertFalse(Totp.verify(secret, Totp.code(secret, step - 1), now, step).isPresent());
    }

    @Test
    void verifyRejectsMalformedCodes() {
        byte[] secret = Totp.newSecret();
        long now = 1_700_000_000_000L;
        assertFalse(Totp.verify(secret, "12345a", now, 0).isPresent());
        assertFalse(Totp.verify(secret, "1234567", now, 0).isPresent());
        assertFalse(Totp.verify(secret, "12345", now, 0).isPresent());
        assertFalse(Totp.verify(secret, "١٢٣٤٥٦", now, 0).isPresent());
        assertFalse(Totp.verify(secret, null, now, 0).isPresent());
    }

    @Test
    void otpauthUriEncodesLabelAndParameters() {
        byte[] secret = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertEquals("otpauth://totp/ANPR%20Central:alice%40example.org?secret=MZXW6YTBOI"
                        + "&issuer=ANPR%20Central&algorithm=SHA1&digits=6&period=30",
                Totp.otpauthUri("ANPR Central", "alice@example.org", secret));
        assertTrue(Totp.otpauthUri("X", "y", secret).startsWith("otpauth://totp/X:y?"));
        assertThrows(IllegalArgumentException.class, () -> Totp.otpauthUri("A:B", "c", secret));
    }
}
