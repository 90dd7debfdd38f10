package org.anpr.edge.sqlite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 17, item 11b: the answer to {@code PRAGMA journal_mode=WAL} is checked, not assumed. */
class WalRequiredTest {
    @Test
    void aDatabaseThatCannotUseWalIsRefusedByName() throws Exception {
        // an in-memory database answers "memory": it cannot keep a WAL, as a file system without shared memory cannot
        Connection memory = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new java.util.Properties());
        SQLException e = assertThrows(SQLException.class, () -> SqliteFiles.requireWal(memory, "outbox.db"));
        assertTrue(e.getMessage().startsWith("outbox.db: SQLite kept journal_mode memory instead of WAL"), e.getMessage());
        assertTrue(memory.isClosed());
    }
}
