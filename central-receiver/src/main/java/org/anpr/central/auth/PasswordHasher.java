package org.anpr.central.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Gantry credential hashes, two schemes (salt and hash in Base64; the JDK has everything needed):
 * <ul>
 * <li>{@code pbkdf2-sha256$iterations$salt$hash}: PBKDF2-HMAC-SHA256, for passwords a person chose;
 *     slow on purpose (600,000 iterations), so a stolen file resists guessing.
 * <li>{@code sha256-secret$salt$hash}: one salted SHA-256, for machine secrets of at least 256 bits
 *     that this class generates ({@link #generateSecret}). Guessing 2^256 secrets is out of reach
 *     without any stretching, so the check costs microseconds instead of a third of a second: a
 *     thousand gantries reconnecting after a centre restart are verified at once, not over minutes.
 *     A presented password shorter than {@link #MIN_SECRET_CHARS} never matches one.
 * </ul>
 */
public final class PasswordHasher {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final String SECRET_SCHEME = "sha256-secret";
    /** A generated secret: 32 random bytes in unpadded Base64url are 43 characters. */
    public static final int MIN_SECRET_CHARS = 43;
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    /** A new machine secret: 256 random bits, unpadded Base64url ({@value #MIN_SECRET_CHARS} characters). */
    public static char[] generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** The fast hash of a machine secret; refuses one shorter than {@value #MIN_SECRET_CHARS} characters. */
    public static String hashSecret(char[] secret) {
        if (secret.length < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException("a machine secret has at least " + MIN_SECRET_CHARS + " characters (256 random bits); use "
                    + SCHEME + " for a shorter password");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SECRET_SCHEME + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(sha256(salt, secret));
    }

    /** Whether {@code encoded} is of the fast machine-secret scheme. */
    public static boolean isSecretScheme(String encoded) {
        return encoded != null && encoded.startsWith(SECRET_SCHEME + "$");
    }

    /** Whether {@code password} matches {@code encoded}; false (never an exception) for a malformed hash. */
    public static boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length == 3 && parts[0].equals(SECRET_SCHEME)) {
            try {
                byte[] salt = Base64.getDecoder().decode(parts[1]);
                byte[] expected = Base64.getDecoder().decode(parts[2]);
                boolean matches = MessageDigest.isEqual(expected, sha256(salt, password)); // constant time
                return matches && password.length >= MIN_SECRET_CHARS;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations)); // constant time
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code encoded} has the shape of a hash this class writes. */
    public static boolean isWellFormed(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length == 3 && parts[0].equals(SECRET_SCHEME)) {
            try {
                return Base64.getDecoder().decode(parts[1]).length > 0 && Base64.getDecoder().decode(parts[2]).length == 32;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            Integer.parseInt(parts[1]);
            Base64.getDecoder().decode(parts[2]);
            Base64.getDecoder().decode(parts[3]);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] salt, char[] secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            byte[] utf8 = new String(secret).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                return md.digest(utf8);
            } finally {
                java.util.Arrays.fill(utf8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
