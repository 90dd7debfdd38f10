package org.anpr.central.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens for machine clients, of the form {@code anpr_<id>_<secret>}: {@code <id>} is 12
 * lowercase hex characters (6 random bytes) used to look the token up, {@code <secret>} is 32
 * random bytes in Base64url without padding (43 characters).
 *
 * <p>Only the id and the SHA-256 of the secret are ever stored; the full token is shown to its
 * owner once, at issue, and cannot be recovered. The secret has 256 bits of entropy, so a fast
 * hash is enough (no password stretching needed) and a stolen table yields no usable tokens.
 */
public final class ApiTokenCodec {
    public static final String PREFIX = "anpr_";
    private static final int ID_BYTES = 6;
    private static final int ID_CHARS = ID_BYTES * 2;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_CHARS = 43;
    private static final int TOKEN_CHARS = PREFIX.length() + ID_CHARS + 1 + SECRET_CHARS;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A new token: give {@code token} to the client, store {@code id} and {@code secretHash}. */
    public record Issued(String id, String token, byte[] secretHash) {
        /** Keeps the token itself out of logs. */
        @Override
        public String toString() {
            return "Issued[id=" + id + ", token=<redacted>]";
        }
    }

    /** A presented token split into the lookup id and the hash to compare with the stored one. */
    public record Parsed(String id, byte[] secretHash) {
        @Override
        public String toString() {
            return "Parsed[id=" + id + "]";
        }
    }

    private ApiTokenCodec() {
    }

    public static Issued issue() {
        byte[] idBytes = new byte[ID_BYTES];
        byte[] secretBytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HEX.formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new Issued(id, PREFIX + id + "_" + secret, hashSecret(secret));
    }

    /** Splits a presented token; empty if it is not exactly {@code anpr_<12 hex>_<43 base64url>}. */
    public static Optional<Parsed> parse(String token) {
        if (token == null || token.length() != TOKEN_CHARS || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_CHARS);
        int separator = PREFIX.length() + ID_CHARS;
        String secret = token.substring(separator + 1);
        if (!isLowerHex(id) || token.charAt(separator) != '_' || !isBase64Url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(id, hashSecret(secret)));
    }

    /** SHA-256 of the UTF-8 secret: the only form in which a secret is stored. */
    public static byte[] hashSecret(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison of a stored and a presented secret hash. */
    public static boolean matches(byte[] storedHash, byte[] presentedHash) {
        return storedHash != null && presentedHash != null && MessageDigest.isEqual(storedHash, presentedHash);
    }

    private static boolean isLowerHex(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static boolean isBase64Url(String s) {
        return s.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
