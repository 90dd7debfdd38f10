package org.anpr.central.search;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.anpr.central.store.ReadRows;

/**
 * The SQL both searches run, written once: the WHERE clause of a {@link ReadQuery} on the
 * indexed columns, the keyset condition, the order, the mapping of rows to hits, and which UTC
 * days (SQLite files, PostgreSQL partitions) can hold the wanted reads. The dialects differ only
 * in the wildcard operator and in PostgreSQL's {@code id_day} partition column.
 */
final class SearchSql {
    /**
     * A read's partition day is the day of its UUIDv7 id, made at capture (seconds apart, by the
     * gantry's clock): a day's file or partition holds captures from the day before it to the day
     * after it, a margin wide enough for any clock the store accepts.
     */
    static final int MARGIN_DAYS = 1;
    private static final long DAY_MICROS = 86_400_000_000L;
    private static final String HIT_COLUMNS = "read_id, gantry_id, camera_id, lane, capture_micros, plate_text, country, "
            + "confidence, received_micros, coalesce(length(crop), 0) > 0, coalesce(length(overview), 0) > 0";

    /** Where the two stores' SQL differs. */
    enum Dialect {
        /** {@code GLOB} takes {@code ?} and {@code *} as they are; day files are chosen outside SQL. */
        SQLITE("GLOB", false),
        /** {@code LIKE} with {@code _} and {@code %}; {@code id_day} bounds prune partitions. */
        POSTGRESQL("LIKE", true);

        private final String matchOperator;
        private final boolean dayColumn;

        Dialect(String matchOperator, boolean dayColumn) {
            this.matchOperator = matchOperator;
            this.dayColumn = dayColumn;
        }

        String pattern(String wildcard) {
            return this == SQLITE ? wildcard : wildcard.replace('?', '_').replace('*', '%');
        }
    }

    /** The UTC partition days that may hold matching reads; a null end is open. */
    record DayRange(LocalDate first, LocalDate last) {
        boolean contains(LocalDate day) {
            return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
        }
    }

    /** SQL text with its parameters in order. */
    record Statement(String sql, List<Object> params) {
        List<ReadHit> hits(Connection c) throws SQLException {
            List<ReadHit> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReadHit(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getFloat(8), rs.getLong(9), rs.getBoolean(10), rs.getBoolean(11)));
                }
            }
            return out;
        }

        Optional<StoredRead> stored(Connection c) throws SQLException, InvalidProtocolBufferException {
            try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] crop = rs.getBytes(2);
                byte[] overview = rs.getBytes(3);
                return Optional.of(new StoredRead(ReadRows.decode(rs.getBytes(1), crop, overview), crop, overview, rs.getLong(4)));
            }
        }

        private PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            try {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof byte[] b) {
                        ps.setBytes(i + 1, b);
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
            return ps;
        }
    }

    private SearchSql() {
    }

    /** The hits of {@code q}: newest first, or oldest first when {@code ascending}; at most {@code q.limit()}. */
    static Statement hits(ReadQuery q, boolean ascending, Dialect d) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        PlatePattern plate = q.plate();
        if (plate != null) {
            switch (plate.kind()) {
                case EXACT -> condition(where, params, "plate_text = ?", plate.text());
                case TOLERANT -> condition(where, params, "plate_key = ?", plate.confusionKey());
                case WILDCARD -> {
                    String prefix = plate.literalPrefix();
                    if (!prefix.isEmpty()) { // a range on reads_plate's leading column
                        condition(where, params, "plate_text >= ?", prefix);
                        String upper = upperBound(prefix);
                        if (upper != null) {
                            condition(where, params, "plate_text < ?", upper);
                        }
                    }
                    condition(where, params, "plate_text " + d.matchOperator + " ?", d.pattern(plate.text()));
                }
                default -> throw new IllegalStateException(plate.kind().name());
            }
        }
        optional(where, params, "gantry_id = ?", q.gantryId());
        optional(where, params, "camera_id = ?", q.cameraId());
        optional(where, params, "lane = ?", q.lane());
        optional(where, params, "country = ?", q.country());
        optional(where, params, "capture_micros >= ?", q.fromMicros());
        optional(where, params, "capture_micros < ?", q.toMicros());
        optional(where, params, "confidence >= ?", q.minConfidence());
        if (q.after() != null) {
            where.add("(capture_micros, read_id) " + (ascending ? ">" : "<") + " (?, ?)");
            params.add(q.after().captureMicros());
            params.add(q.after().readId());
        }
        if (d.dayColumn) {
            DayRange days = days(q, ascending);
            optional(where, params, "id_day >= ?", days.first());
            optional(where, params, "id_day <= ?", days.last());
        }
        String direction = ascending ? "ASC" : "DESC";
        params.add(q.limit());
        return new Statement("SELECT " + HIT_COLUMNS + " FROM reads WHERE " + String.join(" AND ", where)
                + " ORDER BY capture_micros " + direction + ", read_id " + direction + " LIMIT ?", params);
    }

    /** The whole row of one read ({@code details, crop, overview, received_micros}). */
    static Statement find(byte[] readId, Dialect d) {
        byte[] id = readId.clone();
        return d.dayColumn
                ? new Statement("SELECT details, crop, overview, received_micros FROM reads WHERE read_id = ? AND id_day = ?",
                        List.of(id, ReadRows.dayOf(id)))
                : new Statement("SELECT details, crop, overview, received_micros FROM reads WHERE read_id = ?", List.of(id));
    }

    /** The query of {@link ReadSearch#trajectory}, validated like any other. */
    static ReadQuery trajectory(String plateText, long fromMicros, long toMicros, int limit) {
        return new ReadQuery(PlatePattern.parse(plateText, "exact"), null, null, null, null, fromMicros, toMicros, null, null, limit);
    }

    /** The search's order, for merging hits of several day files. */
    static Comparator<ReadHit> order(boolean ascending) {
        Comparator<ReadHit> asc = Comparator.comparingLong(ReadHit::captureMicros)
                .thenComparing(ReadHit::readId, Arrays::compareUnsigned);
        return ascending ? asc : asc.reversed();
    }

    /**
     * The days whose partition can hold hits of {@code q}: its window, and the cursor's side of
     * the order, widened by {@link #MARGIN_DAYS}.
     */
    static DayRange days(ReadQuery q, boolean ascending) {
        LocalDate first = q.fromMicros() == null ? null : dayOf(q.fromMicros()).minusDays(MARGIN_DAYS);
        LocalDate last = q.toMicros() == null ? null : dayOf(q.toMicros() - 1).plusDays(MARGIN_DAYS);
        if (q.after() != null) {
            LocalDate cursorDay = dayOf(q.after().captureMicros());
            if (ascending) {
                first = max(first, cursorDay.minusDays(MARGIN_DAYS));
            } else {
                last = min(last, cursorDay.plusDays(MARGIN_DAYS));
            }
        }
        return new DayRange(first, last);
    }

    /** The days whose partition can hold reads captured in [{@code fromMicros}, {@code toMicros}). */
    static DayRange days(long fromMicros, long toMicros) {
        return new DayRange(dayOf(fromMicros).minusDays(MARGIN_DAYS), dayOf(toMicros - 1).plusDays(MARGIN_DAYS));
    }

    /** The earliest capture time a partition of {@code day} can hold. */
    static long earliestCapture(LocalDate day) {
        return day.minusDays(MARGIN_DAYS).toEpochDay() * DAY_MICROS;
    }

    /** Every capture time a partition of {@code day} can hold is before this. */
    static long capturesBefore(LocalDate day) {
        return day.plusDays(1 + MARGIN_DAYS).toEpochDay() * DAY_MICROS;
    }

    /**
     * The least string greater than every plate that starts with {@code prefix}, in the order of
     * A–Z 0–9 plates ({@code 9} is followed by {@code A}; a trailing {@code Z} carries): correct in
     * byte order and in linguistic collations alike. Null when there is none ({@code ZZ}).
     */
    static String upperBound(String prefix) {
        char[] c = prefix.toCharArray();
        for (int i = c.length - 1; i >= 0; i--) {
            if (c[i] != 'Z') {
                c[i] = c[i] == '9' ? 'A' : (char) (c[i] + 1);
                return new String(c, 0, i + 1);
            }
        }
        return null;
    }

    private static LocalDate dayOf(long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, DAY_MICROS));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static void condition(List<String> where, List<Object> params, String sql, Object value) {
        where.add(sql);
        params.add(value);
    }

    private static void optional(List<String> where, List<Object> params, String sql, Object value) {
        if (value != null) {
            condition(where, params, sql, value);
        }
    }
}
