package org.anpr.central.store;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.hotlist.HotlistStore;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * The hotlist's tables ({@code central.db} in SQLite, the same database in PostgreSQL), on a
 * connection of their own (changes are rare).
 */
public final class JdbcHotlistStore implements HotlistStore, AutoCloseable {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS hotlist_entry(entry_id TEXT PRIMARY KEY, entry {BLOB} NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS hotlist_change(version {BIGINT} NOT NULL, entry_id TEXT NOT NULL, entry {BLOB},
          PRIMARY KEY(version, entry_id))""",
        "CREATE TABLE IF NOT EXISTS hotlist_meta(key TEXT PRIMARY KEY, value {BIGINT} NOT NULL)",
    };

    private final Connection c;

    private JdbcHotlistStore(Connection c) {
        this.c = c;
    }

    /** The hotlist tables inside the SQLite file {@code centralFile}. */
    public static JdbcHotlistStore sqlite(Path centralFile) throws StoreException {
        try {
            return new JdbcHotlistStore(Sqlite.open(centralFile, SqlDialect.SQLITE.ddl(SCHEMA)));
        } catch (SQLException e) {
            throw new StoreException("cannot open the hotlist tables in " + centralFile, e);
        }
    }

    /** The hotlist tables in the PostgreSQL database of {@code config}. */
    public static JdbcHotlistStore postgresql(StoreConfig.PostgresConfig config) throws StoreException {
        Connection c = null;
        try {
            c = Postgres.connect(config);
            try (Statement s = c.createStatement()) {
                for (String ddl : SqlDialect.POSTGRESQL.ddl(SCHEMA)) {
                    s.execute(ddl);
                }
            }
            return new JdbcHotlistStore(c);
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            throw new StoreException("cannot open the hotlist tables in " + config.url(), e);
        }
    }

    @Override
    public synchronized Saved load() throws SQLException, InvalidProtocolBufferException {
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
        Jdbc.inTransaction(c, tx -> {
            for (Change ch : changes) {
                byte[] entry = ch.entry() == null ? null : ch.entry().toByteArray();
                if (entry == null) {
                    Jdbc.update(tx, "DELETE FROM hotlist_entry WHERE entry_id = ?", ch.entryId());
                } else {
                    Jdbc.update(tx, "INSERT INTO hotlist_entry VALUES (?,?) ON CONFLICT(entry_id) DO UPDATE SET entry = excluded.entry",
                            ch.entryId(), entry);
                }
                try (PreparedStatement ps = tx.prepareStatement("INSERT INTO hotlist_change VALUES (?,?,?) "
                        + "ON CONFLICT(version, entry_id) DO UPDATE SET entry = excluded.entry")) {
                    ps.setLong(1, version);
                    ps.setString(2, ch.entryId());
                    ps.setBytes(3, entry); // typed: a null must still be a binary null for PostgreSQL
                    ps.executeUpdate();
                }
            }
            Jdbc.update(tx, "DELETE FROM hotlist_change WHERE version <= ?", newFloor);
            setMeta(tx, "version", version);
            setMeta(tx, "delta_floor", newFloor);
        });
    }

    private static void setMeta(Connection tx, String key, long value) throws SQLException {
        Jdbc.update(tx, "INSERT INTO hotlist_meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    private long meta(String key) throws SQLException {
        return Jdbc.scalar(c, "SELECT value FROM hotlist_meta WHERE key = ?", key);
    }

    @Override
    public synchronized void close() {
        Jdbc.closeQuietly(c);
    }
}
