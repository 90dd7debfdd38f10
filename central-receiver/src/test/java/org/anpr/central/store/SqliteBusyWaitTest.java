package org.anpr.central.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that finds the file locked waits for the lock (and gets it) instead of failing with SQLITE_BUSY. */
class SqliteBusyWaitTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterWaitsForTheFirstToCommit() throws Exception {
        Path file = dir.resolve("busy.db");
        try (Connection a = Sqlite.open(file, "CREATE TABLE IF NOT EXISTS t(v INTEGER)");
             Connection b = Sqlite.open(file)) {
            CountDownLatch locked = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread holder = new Thread(() -> {
                try (Statement s = a.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("INSERT INTO t VALUES (1)");
                    locked.countDown();
                    Thread.sleep(300); // holds the write lock, as a long commit of another connection would
                    s.execute("COMMIT");
                } catch (Throwable e) {
                    failure.set(e);
                    locked.countDown();
                }
            });
            holder.start();
            locked.await();
            try (Statement s = b.createStatement()) {
                s.execute("INSERT INTO t VALUES (2)"); // waits in the busy handler, then commits
            }
            holder.join(10_000);
            assertEquals(null, failure.get());
            try (Statement s = b.createStatement(); var rs = s.executeQuery("SELECT count(*), sum(v) FROM t")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertEquals(3, rs.getInt(2));
            }
        }
    }
}
