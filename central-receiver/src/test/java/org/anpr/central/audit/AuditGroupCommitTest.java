package org.anpr.central.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.CentralDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent appends share commits and still make one gapless, verifiable chain. */
class AuditGroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentAppendsAreEachRecordedOnceInOneValidChain() throws Exception {
        int threads = 8;
        int each = 40;
        try (CentralDatabase db = CentralDatabase.open(StoreConfig.DEFAULTS.withDirectory(dir), threads, AuditLog.SCHEMA)) {
            AuditLog log = new AuditLog(db);
            ConcurrentLinkedQueue<AuditEntry> returned = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < each; i++) {
                            returned.add(log.append(new AuditLog.Event(null, "10.0.0." + worker, "reads.search", "W" + worker + "-" + i,
                                    new Purpose("group commit test", "CASE-1"), "{}"), System.currentTimeMillis() * 1000));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                workers.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : workers) {
                th.join(60_000);
            }
            assertTrue(failures.isEmpty(), () -> "appends failed: " + failures);
            assertEquals(threads * each, returned.size());
            Set<Long> ids = new HashSet<>();
            Set<String> targets = new HashSet<>();
            for (AuditEntry e : returned) {
                ids.add(e.id());
                targets.add(e.target());
            }
            assertEquals(threads * each, ids.size(), "every caller got its own entry");
            assertEquals(threads * each, targets.size(), "every event recorded, none twice");
            for (long id = 1; id <= threads * each; id++) {
                assertTrue(ids.contains(id), "ids are gapless: missing " + id);
            }
            List<AuditEntry> stored = log.query(new AuditLog.Query(null, null, null, null, null, 1_000));
            assertEquals(threads * each, stored.size());
            AuditLog.Verification v = log.verify();
            assertTrue(v.ok(), () -> "chain broken: " + v);
            assertEquals(threads * each, v.checked());
        }
    }
}
