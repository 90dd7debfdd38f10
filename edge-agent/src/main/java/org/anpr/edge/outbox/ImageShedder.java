package org.anpr.edge.outbox;

import com.google.protobuf.InvalidProtocolBufferException;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;

/** Re-encodes a stored read batch without some of its images. */
final class ImageShedder {
    enum Kind { OVERVIEW, CROP }

    /** Result: the new payload and how many images it lost. */
    record Shed(byte[] payload, int images) {
    }

    private ImageShedder() {
    }

    static Shed strip(byte[] payload, Kind kind) {
        Envelope env;
        try {
            env = Envelope.parseFrom(payload); // our own bytes, validated when appended
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("outbox holds an unreadable envelope", e);
        }
        if (env.getPayloadCase() != Envelope.PayloadCase.READS) {
            return new Shed(payload, 0);
        }
        PlateReadBatch.Builder batch = env.getReads().toBuilder();
        int images = 0;
        for (int i = 0; i < batch.getReadsCount(); i++) {
            PlateRead read = batch.getReads(i);
            if (kind == Kind.OVERVIEW && read.hasOverview()) {
                batch.setReads(i, read.toBuilder().clearOverview());
                images++;
            } else if (kind == Kind.CROP && read.hasPlateCrop()) {
                batch.setReads(i, read.toBuilder().clearPlateCrop().setPlateCropDropped(true));
                images++;
            }
        }
        // The contract allows a missing crop only with plate_crop_dropped set, as done above.
        return new Shed(env.toBuilder().setReads(batch).build().toByteArray(), images);
    }

    static boolean hasImage(Envelope env, Kind kind) {
        if (env.getPayloadCase() != Envelope.PayloadCase.READS) {
            return false;
        }
        for (PlateRead r : env.getReads().getReadsList()) {
            if (kind == Kind.OVERVIEW ? r.hasOverview() : r.hasPlateCrop()) {
                return true;
            }
        }
        return false;
    }
}
