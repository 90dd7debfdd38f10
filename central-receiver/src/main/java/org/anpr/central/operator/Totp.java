package org.anpr.central.operator;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps) as the second
 * factor for operator logins, compatible with the usual authenticator apps.
 *
 * <p>{@link #verify} allows one step of clock skew either way and refuses any step at or before
 * the last one used, so an observed code cannot be replayed.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_MILLIS = 30_000L;
    private static final int SECRET_BYTES = 20;
    private static final int MODULUS = 1_000_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A fresh 160-bit secret, the size RFC 4226 recommends for HMAC-SHA1. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** RFC 4648 Base32 without padding. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes RFC 4648 Base32, ignoring case, spaces and trailing padding.
     *
     * @throws IllegalArgumentException on a character outside the alphabet or an impossible length
     */
    public static byte[] fromBase32(String text) {
        String s = text.replace(" ", "").toUpperCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("invalid Base32 length " + end);
        }
        ByteBuffer out = ByteBuffer.allocate(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(s.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("invalid Base32 character '" + s.charAt(i) + "' at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    /** The time step containing the instant (floor of epoch seconds / 30). */
    public static long step(long epochMillis) {
        return Math.floorDiv(epochMillis, STEP_MILLIS);
    }

    /** The zero-padded 6-digit code for the given step (RFC 4226 dynamic truncation). */
    public static String code(byte[] secret, long stepIndex) {
        byte[] hmac;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hmac = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(stepIndex).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = ((hmac[offset] & 0x7f) << 24)
                | ((hmac[offset + 1] & 0xff) << 16)
                | ((hmac[offset + 2] & 0xff) << 8)
                | (hmac[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % MODULUS);
    }

    /**
     * Checks a code against the current step and one step either side, considering only steps
     * strictly after {@code lastUsedStep}.
     *
     * @return the matched step, to be stored as the new last used step; empty if rejected
     */
    public static OptionalLong verify(byte[] secret, String code, long epochMillis, long lastUsedStep) {
        if (!isSixDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(epochMillis);
        for (long s = current - 1; s <= current + 1; s++) {
            if (s > lastUsedStep
                    && MessageDigest.isEqual(presented, code(secret, s).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A Key URI for enrolment by QR code. Issuer and account are URL-encoded and must not contain
     * a colon, which separates them in the label.
     */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        if (issuer.indexOf(':') >= 0 || account.indexOf(':') >= 0) {
            throw new IllegalArgumentException("issuer and account must not contain ':'");
        }
        String encodedIssuer = urlEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + urlEncode(account)
                + "?secret=" + base32(secret)
                + "&issuer=" + encodedIssuer
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_MILLIS / 1000;
    }

    private static boolean isSixDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Percent-encoding suitable for both the path and the query (spaces as %20, not +). */
    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
