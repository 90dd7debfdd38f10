package org.anpr.central.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads per hour per gantry, split by confidence band, for the operators' charts: one GROUP BY
 * per day file (SQLite) or over the table (PostgreSQL), merged here.
 */
public final class ReadStats {
    /** Below this a read is {@code low} confidence; from {@link #HIGH} on it is {@code high}. */
    public static final double LOW = 0.7;
    public static final double HIGH = 0.9;
    static final long HOUR_MICROS = 3_600_000_000L;

    /** Counts of one gantry in one hour ({@code hourMicros} is the hour's start). */
    public record Bucket(String gantryId, long hourMicros, long reads, long low, long medium, long high) {
        Bucket plus(Bucket o) {
            return new Bucket(gantryId, hourMicros, reads + o.reads, low + o.low, medium + o.medium, high + o.high);
        }
    }

    private ReadStats() {
    }

    static List<Bucket> query(Connection c, long fromMicros, long toMicros, String gantryId) throws SQLException {
        String sql = "SELECT gantry_id, capture_micros / " + HOUR_MICROS + " AS hour, COUNT(*), "
                + "SUM(CASE WHEN confidence < " + LOW + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN confidence >= " + LOW + " AND confidence < " + HIGH + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN confidence >= " + HIGH + " THEN 1 ELSE 0 END) "
                + "FROM reads WHERE capture_micros >= ? AND capture_micros < ?" + (gantryId == null ? "" : " AND gantry_id = ?")
                + " GROUP BY gantry_id, capture_micros / " + HOUR_MICROS;
        List<Bucket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, fromMicros);
            ps.setLong(2, toMicros);
            if (gantryId != null) {
                ps.setString(3, gantryId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bucket(rs.getString(1), rs.getLong(2) * HOUR_MICROS, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
        }
        return out;
    }

    /** Buckets of several files merged (a day's reads may sit in the next day's file near midnight), by hour then gantry. */
    static List<Bucket> merge(List<Bucket> parts) {
        Map<String, Bucket> byKey = new TreeMap<>();
        for (Bucket b : parts) {
            byKey.merge(String.format("%020d|%s", b.hourMicros(), b.gantryId()), b, Bucket::plus);
        }
        return new ArrayList<>(byKey.values());
    }
}
