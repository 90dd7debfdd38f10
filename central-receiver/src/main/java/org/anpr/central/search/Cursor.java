package org.anpr.central.search;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Where a page of search results ended: the last hit's capture time and read id, the keyset
 * of the order {@code (capture_micros, read_id)}. To clients an opaque URL-safe string
 * ({@link #encode}), so the next page is asked for with {@code cursor=...}.
 */
public record Cursor(long captureMicros, byte[] readId) {
    private static final int BYTES = Long.BYTES + 16;

    public Cursor {
        if (readId == null || readId.length != 16) {
            throw new IllegalArgumentException("cursor: a read id has 16 bytes");
        }
        readId = readId.clone();
    }

    @Override
    public byte[] readId() {
        return readId.clone();
    }

    /** 32 characters of URL-safe base64 (no padding). */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(BYTES).putLong(captureMicros).put(readId).array());
    }

    /** The cursor {@link #encode} made; throws IllegalArgumentException for anything else. */
    public static Cursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: not a cursor of this API", e);
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("cursor: not a cursor of this API");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long micros = b.getLong();
        byte[] id = new byte[16];
        b.get(id);
        return new Cursor(micros, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.captureMicros == captureMicros && Arrays.equals(c.readId, readId);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(captureMicros) * 31 + Arrays.hashCode(readId);
    }

    @Override
    public String toString() {
        return "Cursor[" + captureMicros + ", " + HexFormat.of().formatHex(readId) + "]";
    }
}
