package org.anpr.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.hotlist.HotlistStore;
import org.anpr.protocol.v1.HotlistEntry;

/** The hotlist's tables in {@code central.db}, on a connection of its own (changes are rare). */
public final class SqliteHotlistStore implements HotlistStore, AutoCloseable {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS hotlist_entry(entry_id TEXT PRIMARY KEY, entry BLOB NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS hotlist_change(version INTEGER NOT NULL, entry_id TEXT NOT NULL, entry BLOB,
          PRIMARY KEY(version, entry_id))""",
        "CREATE TABLE IF NOT EXISTS hotlist_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };

    private final Connection c;

    public SqliteHotlistStore(Path centralFile) throws StoreException {
        try {
            c = Sqlite.open(centralFile, SCHEMA);
        } catch (SQLException e) {
            throw new StoreException("cannot open the hotlist tables in " + centralFile, e);
        }
    }

    @Override
    public synchronized Saved load() throws SQLException, com.google.protobuf.InvalidProtocolBufferException {
        long version = meta("version");
        long floor = meta("delta_floor");
        List<HotlistEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry FROM hotlist_entry"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(HotlistEntry.parseFrom(rs.getBytes(1)));
            }
        }
        List<Change> history = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, entry_id, entry FROM hotlist_change ORDER BY version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] e = rs.getBytes(3);
                history.add(new Change(rs.getLong(1), rs.getString(2), e == null ? null : HotlistEntry.parseFrom(e)));
            }
        }
        return new Saved(version, floor, entries, history);
    }

    @Override
    public synchronized void save(long version, List<Change> changes, long newFloor) throws SQLException {
        Sqlite.inTransaction(c, tx -> {
            for (Change ch : changes) {
                if (ch.entry() == null) {
                    CentralTables.update(tx, "DELETE FROM hotlist_entry WHERE entry_id = ?", ch.entryId());
                } else {
                    CentralTables.update(tx, "INSERT OR REPLACE INTO hotlist_entry VALUES (?,?)", ch.entryId(), ch.entry().toByteArray());
                }
                CentralTables.update(tx, "INSERT OR REPLACE INTO hotlist_change VALUES (?,?,?)", version, ch.entryId(),
                        ch.entry() == null ? null : ch.entry().toByteArray());
            }
            CentralTables.update(tx, "DELETE FROM hotlist_change WHERE version <= ?", newFloor);
            CentralTables.update(tx, "INSERT OR REPLACE INTO hotlist_meta VALUES ('version', ?)", version);
            CentralTables.update(tx, "INSERT OR REPLACE INTO hotlist_meta VALUES ('delta_floor', ?)", newFloor);
        });
    }

    private long meta(String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM hotlist_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public synchronized void close() {
        Sqlite.closeQuietly(c);
    }
}
