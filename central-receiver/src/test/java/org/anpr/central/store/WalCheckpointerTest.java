package org.anpr.central.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
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

    /** The WAL header's checkpoint sequence number (offset 12): SQLite increments it each time the WAL restarts. */
    private static long walRestarts(Path db) throws Exception {
        try (RandomAccessFile wal = new RandomAccessFile(db + "-wal", "r")) {
            wal.seek(12);
            return wal.readInt() & 0xffffffffL;
        }
    }

    private static void insert(Connection writer, int rows) throws Exception {
        writer.setAutoCommit(false);
        try (PreparedStatement ins = writer.prepareStatement("INSERT INTO t(data) VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                ins.setBytes(1, new byte[2048]);
                ins.executeUpdate();
            }
        }
        writer.commit();
        writer.setAutoCommit(true);
    }

    @Test
    void aLargeWalIsMarkedForTheWritersLastStepWhichRestartsIt() throws Exception {
        Path file = dir.resolve("day.db");
        int restartFrames = 200; // 0.8 MiB instead of 512 MiB, so that the test is quick
        try (Connection writer = Sqlite.open(file, "CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)");
             WalCheckpointer checkpointer = new WalCheckpointer(restartFrames)) {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint=0"); // no checkpoint but the ones under test
            }
            // A transaction that begins while the WAL's tail is not copied cannot restart it
            // (the writer's commits keep racing the background rounds like this under load) ...
            insert(writer, 500);
            long restarts = walRestarts(file);
            insert(writer, 5);
            assertEquals(restarts, walRestarts(file), "no restart while frames are not copied");
            // ... the writer's own last step, between batches, lets its next transaction reuse the WAL
            assertTrue(WalCheckpointer.passive(writer) >= 0);
            insert(writer, 5);
            assertEquals(restarts + 1, walRestarts(file), "restarted");
            try (Connection reader = Sqlite.open(file)) {
                assertEquals(510, count(reader), "nothing lost across the restart");
                try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    rs.next();
                    assertTrue(rs.getInt(2) < 20, "the WAL holds only the frames since its restart: " + rs.getInt(2));
                }
            }

            // The background checkpointer marks a file for that step only once its WAL is large.
            checkpointer.request(file);
            Thread.sleep(300);
            assertFalse(checkpointer.takeRestartDue(file), "a small WAL is checkpointed but not marked");
            insert(writer, 500); // ~300 frames: past the mark
            checkpointer.request(file);
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean due = false;
            while (!due && System.nanoTime() < deadline) {
                due = checkpointer.takeRestartDue(file);
                Thread.sleep(10);
            }
            assertTrue(due, "marked once its frames are copied");
            assertFalse(checkpointer.takeRestartDue(file), "the mark is taken once");
            checkpointer.forget(file);
        }
    }
}
