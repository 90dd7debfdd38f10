package org.anpr.bench.ingest;

import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;

/**
 * One gantry's read, encoded (and validated) once; each publish copies the bytes and writes a
 * fresh UUIDv7 read id over the template's. Building and validating a protobuf per publish cost
 * the senders ~20 us a read, CPU the receiver under test then lacks on a 2-core machine. The
 * result is byte for byte what encoding a read with that id gives: the id is a fixed-length
 * (16-byte) field, so no length prefix changes.
 */
final class PayloadTemplate {
    private static final int ID_BYTES = 16;

    private final byte[] encoded;
    private final int idOffset;

    PayloadTemplate(PlateRead read) {
        try {
            this.encoded = new WireCodec().encode(PlateReadBatch.newBuilder().addReads(read).build());
        } catch (ProtocolException e) {
            throw new IllegalStateException("the sample read does not validate", e);
        }
        byte[] id = read.getReadId().toByteArray();
        if (id.length != ID_BYTES) {
            throw new IllegalStateException("read id of " + id.length + " bytes");
        }
        this.idOffset = indexOf(encoded, id);
        if (idOffset < 0 || indexOf(encoded, id, idOffset + 1) >= 0) {
            throw new IllegalStateException("the read id is not found exactly once in the encoded read");
        }
    }

    /** A new payload: the template with a new read id. */
    byte[] next() {
        byte[] out = encoded.clone();
        System.arraycopy(Uuid7.toBytes(Uuid7.next()), 0, out, idOffset, ID_BYTES);
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
