package org.anpr.edge.hotlist;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.anpr.edge.sqlite.SqliteFiles;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * The hotlist on disk: entries, the current version and chunks of a delta still being received.
 * Every delta is applied in one transaction, so a crash mid-apply leaves the old version.
 * Not thread-safe on its own; {@link Hotlist} serialises access.
 */
final class HotlistStore implements AutoCloseable {
    private final Connection db;
    /** Test hook: runs after each upsert inside the apply transaction. */
    Runnable afterEachUpsert = () -> { };

    HotlistStore(Path file) throws SQLException {
        db = SqliteFiles.open(file);
        SqliteFiles.exec(db,
                "CREATE TABLE IF NOT EXISTS entry (entry_id TEXT PRIMARY KEY, plate_text TEXT NOT NULL,"
                        + " valid_from INTEGER NOT NULL, valid_until INTEGER NOT NULL, proto BLOB NOT NULL)",
                "CREATE INDEX IF NOT EXISTS entry_plate ON entry(plate_text)",
                "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS chunk (to_version INTEGER NOT NULL, chunk_index INTEGER NOT NULL,"
                        + " proto BLOB NOT NULL, PRIMARY KEY (to_version, chunk_index))");
    }

    long version() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE name = 'version'");
             ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Outcome of {@link #receive}. */
    enum Outcome { APPLIED, CHUNK_STORED, ALREADY_APPLIED }

    /**
     * Stores a chunk, and applies the delta once every chunk of its to_version is here.
     * A rejected delta changes nothing (its stored chunks are discarded).
     */
    Outcome receive(HotlistDelta delta) throws SQLException, DeltaRejectedException {
        long current = version();
        if (!delta.getFullSnapshot() && delta.getToVersion() == current) {
            return Outcome.ALREADY_APPLIED; // redelivered (MQTT is at-least-once)
        }
        int count = Math.max(1, delta.getChunkCount());
        if (count == 1) {
            applyInTransaction(List.of(delta), current);
            return Outcome.APPLIED;
        }
        int stored = SqliteFiles.inTransaction(db, c -> {
            // chunks of any other version are stale: a newer list superseded them
            try (PreparedStatement del = c.prepareStatement("DELETE FROM chunk WHERE to_version <> ?")) {
                del.setLong(1, delta.getToVersion());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT OR REPLACE INTO chunk(to_version, chunk_index, proto) VALUES (?,?,?)")) {
                ins.setLong(1, delta.getToVersion());
                ins.setInt(2, delta.getChunkIndex());
                ins.setBytes(3, delta.toByteArray());
                ins.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM chunk"); ResultSet rs = q.executeQuery()) {
                return rs.getInt(1);
            }
        });
        if (stored < count) {
            return Outcome.CHUNK_STORED;
        }
        try {
            applyInTransaction(new StoredChunks(count), current);
        } finally {
            SqliteFiles.exec(db, "DELETE FROM chunk"); // applied, or rejected: either way done with
        }
        return Outcome.APPLIED;
    }

    private void applyInTransaction(List<HotlistDelta> parts, long current) throws SQLException, DeltaRejectedException {
        try {
            SqliteFiles.inTransaction(db, c -> {
                apply(c, parts, current);
                return null;
            });
        } catch (RejectedInTransaction e) {
            throw e.rejection;
        }
    }

    /**
     * @param parts the chunks in order; read one at a time (a 10-million-entry snapshot must not
     *              be held in memory all at once)
     */
    private void apply(Connection c, List<HotlistDelta> parts, long current) throws SQLException {
        HotlistDelta first = parts.get(0);
        if (!first.getFullSnapshot() && first.getFromVersion() != current) {
            throw new RejectedInTransaction(new DeltaRejectedException("delta from version " + first.getFromVersion() + " to "
                    + first.getToVersion() + " does not apply: the local hotlist is at version " + current));
        }
        if (first.getFullSnapshot()) {
            SqliteFiles.exec(c, "DELETE FROM entry");
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM entry WHERE entry_id = ?");
             PreparedStatement up = c.prepareStatement(
                     "INSERT OR REPLACE INTO entry(entry_id, plate_text, valid_from, valid_until, proto) VALUES (?,?,?,?,?)")) {
            for (HotlistDelta part : parts) {
                if (part.getFullSnapshot() != first.getFullSnapshot() || part.getFromVersion() != first.getFromVersion()
                        || Math.max(1, part.getChunkCount()) != parts.size()) {
                    throw new RejectedInTransaction(new DeltaRejectedException("chunks of version " + first.getToVersion()
                            + " disagree on from_version, full_snapshot or chunk_count"));
                }
                for (String id : part.getRemovedEntryIdsList()) {
                    del.setString(1, id);
                    del.executeUpdate();
                }
                for (HotlistEntry e : part.getUpsertsList()) {
                    up.setString(1, e.getEntryId());
                    up.setString(2, e.getPlateText());
                    up.setLong(3, e.getValidFromMicros());
                    up.setLong(4, e.getValidUntilMicros());
                    up.setBytes(5, e.toByteArray());
                    up.executeUpdate();
                    afterEachUpsert.run();
                }
            }
        }
        try (PreparedStatement v = c.prepareStatement("INSERT OR REPLACE INTO meta(name, value) VALUES ('version', ?)")) {
            v.setLong(1, first.getToVersion());
            v.executeUpdate();
        }
    }

    /** The stored chunks of the pending version as a list that parses each one when it is read. */
    private final class StoredChunks extends java.util.AbstractList<HotlistDelta> {
        private final int count;

        StoredChunks(int count) {
            this.count = count;
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public HotlistDelta get(int index) {
            try (PreparedStatement q = db.prepareStatement("SELECT proto FROM chunk WHERE chunk_index = ?")) {
                q.setInt(1, index);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new RejectedInTransaction(new DeltaRejectedException("chunk " + index + " of " + count + " is missing"));
                    }
                    return parse(rs.getBytes(1), HotlistDelta.parser());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read hotlist chunk " + index, e);
            }
        }
    }

    /** Builds the in-memory index from every stored entry. */
    HotlistIndex loadIndex() throws SQLException {
        int n;
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM entry"); ResultSet rs = q.executeQuery()) {
            n = rs.getInt(1);
        }
        HotlistIndex.Builder b = HotlistIndex.builder(n);
        try (PreparedStatement q = db.prepareStatement("SELECT plate_text, valid_from, valid_until FROM entry");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                b.add(rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
        return b.build();
    }

    /** Every entry stored for exactly this plate. */
    List<HotlistEntry> entries(String plate) throws SQLException {
        List<HotlistEntry> out = new ArrayList<>(2);
        try (PreparedStatement q = db.prepareStatement("SELECT proto FROM entry WHERE plate_text = ?")) {
            q.setString(1, plate);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getBytes(1), HotlistEntry.parser()));
                }
            }
        }
        return out;
    }

    private static <T> T parse(byte[] bytes, com.google.protobuf.Parser<T> parser) throws SQLException {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("hotlist file holds an unreadable record", e);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    /** Carries a rejection out of a transaction so that it rolls back. */
    private static final class RejectedInTransaction extends RuntimeException {
        final DeltaRejectedException rejection;

        RejectedInTransaction(DeltaRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }
    }
}
