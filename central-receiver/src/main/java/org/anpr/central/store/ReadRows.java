package org.anpr.central.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.PlateRead;

/**
 * One read as a row, the same in both stores: indexed columns, the images in their own binary
 * columns, everything else of the read as a protobuf without its image data.
 */
public final class ReadRows {
    static final String COLUMNS = "read_id, gantry_id, camera_id, lane, capture_micros, plate_text, country, confidence, "
            + "received_micros, crop, overview, details";
    static final int COUNT = 12;
    static final String COLUMN_DDL = """
            read_id {BLOB} NOT NULL, gantry_id TEXT NOT NULL, camera_id TEXT NOT NULL, lane INTEGER NOT NULL,
            capture_micros {BIGINT} NOT NULL, plate_text TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL,
            received_micros {BIGINT} NOT NULL, crop {BLOB}, overview {BLOB}, details {BLOB} NOT NULL""";

    private ReadRows() {
    }

    /**
     * The UTC day of the read id's UUIDv7 time: the partition key in both stores. Read ids are made
     * at capture, so this is the capture day (by the gantry's clock), and a redelivered read always
     * has the same one.
     */
    static LocalDate dayOf(byte[] readId) {
        long millis = Uuid7.epochMillis(Uuid7.fromBytes(readId));
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
    }

    static LocalDate dayOf(StoreWrite.Read w) {
        return w.columns().day();
    }

    /** A read's partition day and binary columns, made once per read before it reaches the writer. */
    public record Columns(LocalDate day, byte[] readId, byte[] crop, byte[] overview, byte[] details) {
    }

    static Columns columns(PlateRead r) {
        byte[] readId = r.getReadId().toByteArray();
        byte[] crop = r.hasPlateCrop() ? r.getPlateCrop().getData().toByteArray() : null;
        byte[] overview = r.hasOverview() ? r.getOverview().getData().toByteArray() : null;
        // Everything else of the read, images left out: they are in their own columns.
        PlateRead details = r;
        if (r.hasPlateCrop() || r.hasOverview()) {
            PlateRead.Builder b = r.toBuilder();
            if (r.hasPlateCrop()) {
                b.setPlateCrop(r.getPlateCrop().toBuilder().clearData());
            }
            if (r.hasOverview()) {
                b.setOverview(r.getOverview().toBuilder().clearData());
            }
            details = b.build();
        }
        return new Columns(dayOf(readId), readId, crop, overview, details.toByteArray());
    }

    /** Binds parameters 1..{@link #COUNT} in {@link #COLUMNS} order. */
    static void bind(PreparedStatement ps, StoreWrite.Read w) throws SQLException {
        PlateRead r = w.read();
        Columns c = w.columns();
        ps.setBytes(1, c.readId());
        ps.setString(2, r.getGantryId());
        ps.setString(3, r.getCameraId());
        ps.setInt(4, r.getLane());
        ps.setLong(5, r.getCaptureTime().getEpochMicros());
        ps.setString(6, r.getPlateText());
        ps.setString(7, r.getCountry());
        ps.setFloat(8, r.getConfidence());
        ps.setLong(9, w.receivedMicros());
        ps.setBytes(10, c.crop());
        ps.setBytes(11, c.overview());
        ps.setBytes(12, c.details());
    }

    /** The read again from {@code details, crop, overview}. */
    static PlateRead decode(byte[] details, byte[] crop, byte[] overview) throws InvalidProtocolBufferException {
        PlateRead.Builder b = PlateRead.parseFrom(details).toBuilder();
        if (crop != null) {
            b.setPlateCrop(b.getPlateCrop().toBuilder().setData(ByteString.copyFrom(crop)));
        }
        if (overview != null) {
            b.setOverview(b.getOverview().toBuilder().setData(ByteString.copyFrom(overview)));
        }
        return b.build();
    }
}
