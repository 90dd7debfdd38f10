package org.anpr.protocol.ids;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Time-ordered, globally unique ids (RFC 9562 UUID version 7) for reads, alerts, passages and
 * violations.
 *
 * <p>48 bits of Unix milliseconds, then a 12-bit counter that keeps ids from one generator
 * strictly increasing within a millisecond (and across a clock stepping back), then 62 random
 * bits that keep thousands of gantries apart.
 */
public final class Uuid7 {
    private static final Uuid7 DEFAULT = new Uuid7(Clock.systemUTC());

    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private long lastMillis = -1;
    private int counter;

    public Uuid7(Clock clock) {
        this.clock = clock;
    }

    /** A new id from the process-wide generator. */
    public static UUID next() {
        return DEFAULT.generate();
    }

    public synchronized UUID generate() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(1 << 10); // leave headroom in the 12-bit counter
        } else if (++counter > 0xFFF) {
            lastMillis++; // counter exhausted (or clock went back): borrow the next millisecond
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The 16 bytes carried on the wire. */
    public static byte[] toBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** Reads 16 bytes; throws IllegalArgumentException for any other length. */
    public static UUID fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID has 16 bytes, got " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        return new UUID(buf.getLong(), buf.getLong());
    }

    /** Whether {@code id} is a version-7, RFC-variant UUID. */
    public static boolean isUuid7(UUID id) {
        return id.version() == 7 && id.variant() == 2;
    }

    /** Unix milliseconds encoded in a version-7 id. */
    public static long epochMillis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
