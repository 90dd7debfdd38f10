package org.anpr.central.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.store.SqliteReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's upkeep step runs between batches, after the batch's publishes were released. */
class GroupCommitWriterTest {
    @TempDir
    Path dir;

    @Test
    void upkeepRunsAfterTheBatchIsAcknowledgedAndItsFailureLosesNothing() throws Exception {
        List<CompletableFuture<Void>> submitted = new CopyOnWriteArrayList<>();
        List<Boolean> allDoneAtUpkeep = new CopyOnWriteArrayList<>();
        SqliteReadStore store = new SqliteReadStore(dir) {
            @Override
            public synchronized boolean betweenCommits() throws StoreException {
                allDoneAtUpkeep.add(submitted.stream().allMatch(CompletableFuture::isDone));
                throw new StoreException("upkeep failed on purpose", null);
            }
        };
        try (store; GroupCommitWriter writer = new GroupCommitWriter(store, 100, 1000, 10, lagging -> { }, new ReceiverMetrics())) {
            for (int i = 0; i < 3; i++) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                submitted.add(f);
                writer.submit(List.of(new StoreWrite.Seen("G-" + i, 1_000 + i))).whenComplete((v, e) -> f.complete(null));
                f.get(5, TimeUnit.SECONDS); // acknowledged although the upkeep after it fails
                int upkeeps = i + 1;
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (allDoneAtUpkeep.size() < upkeeps && System.nanoTime() < deadline) {
                    Thread.sleep(2); // one batch at a time: its upkeep before the next submission
                }
            }
            assertEquals(3, allDoneAtUpkeep.size(), "one upkeep step per batch");
            assertTrue(allDoneAtUpkeep.stream().allMatch(b -> b), "never in front of a batch's acknowledgements");
            assertEquals(0, writer.queued());
        }
        try (SqliteReadStore reopened = new SqliteReadStore(dir)) {
            assertEquals(3, reopened.fleet().size(), "every write of every batch is stored");
        }
    }
}
