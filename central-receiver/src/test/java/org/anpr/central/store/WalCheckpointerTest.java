package org.anpr.central.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background checkpoints move committed WAL pages into the database file while the writer goes on. */
class WalCheckpointerTest {
    @TempDir
    Path dir;

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void committedPagesReachTheDatabaseFileWithoutTheWriter() throws Exception {
        Path file = dir.resolve("day.db");
        try (Connection writer = Sqlite.open(file, "CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)");
             WalCheckpointer checkpointer = new WalCheckpointer()) {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint=0"); // only the background checkpointer may move pages
            }
            long before = Files.size(file);
            writer.setAutoCommit(false);
            try (PreparedStatement ins = writer.prepareStatement("INSERT INTO t(data) VALUES (?)")) {
                for (int i = 0; i < 500; i++) {
                    ins.setBytes(1, new byte[2048]);
                    ins.executeUpdate();
                }
            }
            writer.commit();
            assertTrue(Files.size(file.resolveSibling("day.db-wal")) > 1_000_000, "the commit is in the WAL");
            assertEquals(before, Files.size(file), "and not yet in the database file");

            checkpointer.request(file);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(file) < 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.size(file) > 1_000_000, "checkpointed into the database file: " + Files.size(file));

            // the writer is unaffected and its data complete, also for a fresh reader
            try (PreparedStatement ins = writer.prepareStatement("INSERT INTO t(data) VALUES (?)")) {
                ins.setBytes(1, new byte[16]);
                ins.executeUpdate();
            }
            writer.commit();
            try (Connection reader = Sqlite.open(file)) {
                assertEquals(501, count(reader));
            }
            checkpointer.forget(file);
        }
    }
}
