package org.anpr.central.operator;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (version 0x13) hashes of operator passwords, encoded in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} (Base64, no padding).
 *
 * <p>Operators log in interactively, so a memory-hard hash is worth its cost here; the defaults
 * are OWASP's minimums (19 MiB, 2 iterations, 1 lane). {@link #verify} uses the parameters stored
 * in the encoded string, so hashes made with older settings keep working. {@link #burn} spends the
 * same work for unknown user names so that login time does not reveal which names exist.
 */
public final class OperatorPasswords {
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int MIN_MEMORY_KIB = 8_192;
    /** Upper bound on the memory an encoded string may ask for, so a bad row cannot exhaust the heap. */
    public static final int MAX_MEMORY_KIB = 1_048_576;
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Pattern PARAMS = Pattern.compile("m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final String dummy;

    /** Uses the OWASP minimum settings. */
    public OperatorPasswords() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    public OperatorPasswords(int memoryKiB, int iterations, int parallelism) {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be " + MIN_MEMORY_KIB + ".." + MAX_MEMORY_KIB
                    + " KiB, was " + memoryKiB);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (parallelism < 1 || parallelism > memoryKiB / 8) {
            throw new IllegalArgumentException("parallelism must be 1.." + memoryKiB / 8 + ", was " + parallelism);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummy = encode(new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    /** Hashes the password with a fresh random salt and returns the PHC-encoded string. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
        try {
            return encode(salt, hash);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /**
     * Checks the password against an encoded hash, in constant time for the comparison.
     *
     * @throws IllegalArgumentException if {@code encoded} is not a valid Argon2id PHC string
     */
    public boolean verify(char[] password, String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an Argon2id v=19 hash: expected prefix " + PREFIX);
        }
        String[] fields = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected parameters, salt and hash after " + PREFIX
                    + ", found " + fields.length + " field(s)");
        }
        Matcher params = PARAMS.matcher(fields[0]);
        if (!params.matches()) {
            throw new IllegalArgumentException("malformed parameters '" + fields[0] + "', expected m=..,t=..,p=..");
        }
        long m = Long.parseLong(params.group(1));
        long t = Long.parseLong(params.group(2));
        long p = Long.parseLong(params.group(3));
        if (p < 1 || p > 255 || m < 8 * p || m > MAX_MEMORY_KIB || t < 1 || t > 1_000) {
            throw new IllegalArgumentException("parameters out of range: " + fields[0]);
        }
        byte[] salt = decode(fields[1], "salt");
        byte[] expected = decode(fields[2], "hash");
        if (salt.length < 8) {
            throw new IllegalArgumentException("salt too short: " + salt.length + " bytes");
        }
        if (expected.length < 16) {
            throw new IllegalArgumentException("hash too short: " + expected.length + " bytes");
        }
        byte[] actual = argon2(password, salt, (int) m, (int) t, (int) p, expected.length);
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(actual, (byte) 0);
            Arrays.fill(expected, (byte) 0);
        }
    }

    /** Does the work of one {@link #verify} against a fixed dummy hash; call it for unknown users. */
    public void burn(char[] password) {
        verify(password, dummy);
    }

    /**
     * Rejects passwords shorter than {@value #MIN_PASSWORD_LENGTH} or longer than
     * {@value #MAX_PASSWORD_LENGTH} characters (Unicode code points).
     */
    public static void checkPolicy(char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_PASSWORD_LENGTH
                    + " characters, was " + length);
        }
        if (length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_LENGTH
                    + " characters, was " + length);
        }
    }

    private String encode(byte[] salt, byte[] hash) {
        return PREFIX + "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private static byte[] decode(String field, String what) {
        if (field.isEmpty() || field.indexOf('=') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty Base64 without padding");
        }
        try {
            return B64_DECODER.decode(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid Base64: " + e.getMessage(), e);
        }
    }

    private static byte[] argon2(char[] password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] passwordBytes = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /** UTF-8 of the chars without an intermediate String; the encoder's buffer is wiped. */
    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
