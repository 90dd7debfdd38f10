package org.anpr.central.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenCodecTest {
    private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; // 43 chars

    @Test
    void issuedTokenParsesToSameIdAndHash() {
        ApiTokenCodec.Issued issued = ApiTokenCodec.issue();
        assertTrue(issued.id().matches("[0-9a-f]{12}"), issued.id());
        assertTrue(issued.token().matches("anpr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), issued.token());
        assertEquals(32, issued.secretHash().length);
        assertFalse(issued.toString().contains(issued.token()));

        ApiTokenCodec.Parsed parsed = ApiTokenCodec.parse(issued.token()).orElseThrow();
        assertEquals(issued.id(), parsed.id());
        assertArrayEquals(issued.secretHash(), parsed.secretHash());
        assertTrue(ApiTokenCodec.matches(issued.secretHash(), parsed.secretHash()));
    }

    @Test
    void tamperedSecretDoesNotMatch() {
        ApiTokenCodec.Issued issued = ApiTokenCodec.issue();
        String token = issued.token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        ApiTokenCodec.Parsed parsed = ApiTokenCodec.parse(tampered).orElseThrow();
        assertEquals(issued.id(), parsed.id());
        assertFalse(ApiTokenCodec.matches(issued.secretHash(), parsed.secretHash()));
        assertFalse(ApiTokenCodec.matches(issued.secretHash(), null));
    }

    @Test
    void hashIsSha256OfSecret() {
        // SHA-256("abc") from FIPS 180-2.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                java.util.HexFormat.of().formatHex(ApiTokenCodec.hashSecret("abc")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "anpx_0123456789ab_" + SECRET,
        "ANPR_0123456789ab_" + SECRET,
        "anpr_0123456789a_" + SECRET + "A",
        "anpr_0123456789AB_" + SECRET,
        "anpr_0123456789ag_" + SECRET,
        "anpr_0123456789ab_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "anpr_0123456789ab_" + SECRET + "_extra",
        "anpr_0123456789ab_" + SECRET + "A",
        "anpr_0123456789ab-" + SECRET,
        "anpr_0123456789ab_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "anpr_0123456789ab_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
    })
    void malformedTokensAreRejected(String token) {
        assertEquals(Optional.empty(), ApiTokenCodec.parse(token));
    }

    @Test
    void nullTokenIsRejected() {
        assertEquals(Optional.empty(), ApiTokenCodec.parse(null));
    }

    @Test
    void wellFormedHandWrittenTokenParses() {
        assertTrue(ApiTokenCodec.parse("anpr_0123456789ab_" + SECRET).isPresent());
    }

    @Test
    void twoIssuedTokensDiffer() {
        ApiTokenCodec.Issued a = ApiTokenCodec.issue();
        ApiTokenCodec.Issued b = ApiTokenCodec.issue();
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.id(), b.id());
        assertFalse(ApiTokenCodec.matches(a.secretHash(), b.secretHash()));
    }
}
