package org.anpr.central.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.anpr.protocol.v1.PlateRead;

/** The {@code reads} table as it was before {@code plate_key}, for the upgrade tests of both stores. */
final class LegacyReads {
    private LegacyReads() {
    }

    static String columnDdl(String blob, String bigint) {
        return "read_id " + blob + " NOT NULL, gantry_id TEXT NOT NULL, camera_id TEXT NOT NULL, lane INTEGER NOT NULL, "
                + "capture_micros " + bigint + " NOT NULL, plate_text TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL, "
                + "received_micros " + bigint + " NOT NULL, crop " + blob + ", overview " + blob + ", details " + blob + " NOT NULL";
    }

    /** Inserts rows the old way (12 columns, and {@code extraColumn} = {@code extraValue} when not null). */
    static void insert(Connection c, List<PlateRead> reads, String extraColumn, Object extraValue) throws SQLException {
        String sql = "INSERT INTO reads(read_id, gantry_id, camera_id, lane, capture_micros, plate_text, country, confidence, "
                + "received_micros, crop, overview, details" + (extraColumn == null ? ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                        : ", " + extraColumn + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (PlateRead r : reads) {
                ps.setBytes(1, r.getReadId().toByteArray());
                ps.setString(2, r.getGantryId());
                ps.setString(3, r.getCameraId());
                ps.setInt(4, r.getLane());
                ps.setLong(5, r.getCaptureTime().getEpochMicros());
                ps.setString(6, r.getPlateText());
                ps.setString(7, r.getCountry());
                ps.setFloat(8, r.getConfidence());
                ps.setLong(9, r.getCaptureTime().getEpochMicros() + 1_000_000);
                ps.setBytes(10, r.getPlateCrop().getData().toByteArray());
                ps.setBytes(11, null);
                ps.setBytes(12, r.toBuilder().setPlateCrop(r.getPlateCrop().toBuilder().clearData()).build().toByteArray());
                if (extraColumn != null) {
                    ps.setObject(13, extraValue);
                }
                ps.executeUpdate();
            }
        }
    }
}
