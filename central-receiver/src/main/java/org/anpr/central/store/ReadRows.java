package org.anpr.central.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.PlateRead;

/**
 * One read as a row, the same in both stores: indexed columns, the images in their own binary
 * columns, everything else of the read as a protobuf without its image data. {@code plate_key}
 * is {@link PlateText#confusionKey} of the plate, for the tolerant search; tables made before it
 * existed get it when opened ({@link #upgradeSqlite}, {@link #upgradePostgres}).
 */
public final class ReadRows {
    static final String COLUMNS = "read_id, gantry_id, camera_id, lane, capture_micros, plate_text, country, confidence, "
            + "received_micros, crop, overview, details, plate_key";
    static final int COUNT = 13;
    static final String COLUMN_DDL = """
            read_id {BLOB} NOT NULL, gantry_id TEXT NOT NULL, camera_id TEXT NOT NULL, lane INTEGER NOT NULL,
            capture_micros {BIGINT} NOT NULL, plate_text TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL,
            received_micros {BIGINT} NOT NULL, crop {BLOB}, overview {BLOB}, details {BLOB} NOT NULL,
            plate_key TEXT""";
    /** Made after the table (and after {@code plate_key} was added to an old one). */
    static final String PLATE_KEY_INDEX = "CREATE INDEX IF NOT EXISTS reads_plate_key ON reads(plate_key, capture_micros)";
    /**
     * {@link PlateText#confusionKey} of {@code plate_text} in SQL, nested {@code replace} calls made
     * from {@link PlateText#CONFUSION_CLASSES} (the same in SQLite and PostgreSQL): fills
     * {@code plate_key} of rows stored before it existed.
     */
    static final String PLATE_KEY_SQL = confusionKeySql("plate_text");

    private ReadRows() {
    }

    /**
     * The UTC day of the read id's UUIDv7 time: the partition key in both stores. Read ids are made
     * at capture, so this is the capture day (by the gantry's clock), and a redelivered read always
     * has the same one.
     */
    public static LocalDate dayOf(byte[] readId) {
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
        ps.setString(13, PlateText.confusionKey(r.getPlateText()));
    }

    /** {@code n} comma-separated JDBC placeholders, for an INSERT of {@link #COUNT} (and more) columns. */
    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** The read again from {@code details, crop, overview}. */
    public static PlateRead decode(byte[] details, byte[] crop, byte[] overview) throws InvalidProtocolBufferException {
        PlateRead.Builder b = PlateRead.parseFrom(details).toBuilder();
        if (crop != null) {
            b.setPlateCrop(b.getPlateCrop().toBuilder().setData(ByteString.copyFrom(crop)));
        }
        if (overview != null) {
            b.setOverview(b.getOverview().toBuilder().setData(ByteString.copyFrom(overview)));
        }
        return b.build();
    }

    /**
     * Gives a SQLite day file made before {@code plate_key} the column, filled for every row, and
     * its index, in one transaction; a no-op but for {@code CREATE INDEX IF NOT EXISTS} when it has
     * it. The writer and the search may both upgrade a file: whoever loses the race finds it done.
     */
    public static void upgradeSqlite(Connection c) throws SQLException {
        if (!hasPlateKey(c)) {
            try {
                Jdbc.inTransaction(c, tx -> {
                    try (Statement s = tx.createStatement()) {
                        s.execute("ALTER TABLE reads ADD COLUMN plate_key TEXT");
                        s.executeUpdate("UPDATE reads SET plate_key = " + PLATE_KEY_SQL);
                        s.execute(PLATE_KEY_INDEX);
                    }
                });
            } catch (SQLException e) {
                if (!hasPlateKey(c)) {
                    throw e;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(PLATE_KEY_INDEX);
        }
    }

    /** Whether the {@code reads} table on {@code c} (SQLite) has the {@code plate_key} column. */
    public static boolean hasPlateKey(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(reads)")) {
            while (rs.next()) {
                if ("plate_key".equalsIgnoreCase(rs.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same for PostgreSQL's {@code reads}: idempotent statements, run whenever the store opens;
     * once the index exists, finding rows without a key is an index lookup.
     */
    static void upgradePostgres(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE reads ADD COLUMN IF NOT EXISTS plate_key TEXT");
            s.executeUpdate("UPDATE reads SET plate_key = " + PLATE_KEY_SQL + " WHERE plate_key IS NULL");
            s.execute(PLATE_KEY_INDEX);
        }
    }

    private static String confusionKeySql(String column) {
        String sql = column;
        for (String group : PlateText.CONFUSION_CLASSES) {
            for (int i = 1; i < group.length(); i++) {
                sql = "replace(" + sql + ", '" + group.charAt(i) + "', '" + group.charAt(0) + "')";
            }
        }
        return sql;
    }
}
