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
import org.anpr.central.support.HoldingStore;
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
                // the writer's own future: a callback chained to it may run on this thread, after the upkeep began
                CompletableFuture<Void> f = writer.submit(List.of(new StoreWrite.Seen("G-" + i, 1_000 + i)));
                submitted.add(f);
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

    private static Throwable poison(StoreWrite w) {
        if (w instanceof StoreWrite.Seen seen && seen.gantryId().startsWith("POISON")) {
            return new StoreException("refused " + seen.gantryId() + " on purpose", null);
        }
        if (w instanceof StoreWrite.Seen seen && seen.gantryId().startsWith("FATAL")) {
            return new OutOfMemoryError("on purpose, for " + seen.gantryId());
        }
        return null;
    }

    /** Holds the writer in its first commit, so that what is submitted meanwhile forms one batch. */
    private static void awaitHeld(HoldingStore store) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (store.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(1, store.waiting(), "the first commit waits at the gate");
    }

    /** Issue 17, item 6b: one write the store refuses fails its own publish, not the batch it was in. */
    @Test
    void aWriteTheStoreRefusesFailsOnlyItsOwnPublish() throws Exception {
        HoldingStore store = new HoldingStore(new SqliteReadStore(dir));
        store.refuse(GroupCommitWriterTest::poison);
        store.hold();
        ReceiverMetrics metrics = new ReceiverMetrics();
        try (store; GroupCommitWriter writer = new GroupCommitWriter(store, 100, 1000, 10, lagging -> { }, metrics)) {
            CompletableFuture<Void> warmUp = writer.submit(List.of(new StoreWrite.Seen("G-warm", 1)));
            awaitHeld(store);
            List<CompletableFuture<Void>> batch = new java.util.ArrayList<>();
            for (String g : List.of("G-1", "G-2", "POISON-3", "G-4", "G-5")) { // queued behind the held commit: one batch
                batch.add(writer.submit(List.of(new StoreWrite.Seen(g, 2))));
            }
            store.release();
            warmUp.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<Void> f = batch.get(i);
                if (i == 2) {
                    java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                            java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
                    assertTrue(e.getCause().getMessage().contains("POISON-3"), e.getCause().getMessage());
                } else {
                    f.get(5, TimeUnit.SECONDS); // committed although a write of its batch was refused
                }
            }
            assertEquals(1, metrics.get(ReceiverMetrics.Counter.STORE_FAILURES));
            assertEquals(5, store.fleet().size(), "the warm-up and the four good publishes are stored");
        }
    }

    /** Issue 17, item 6: an Error on the writer thread is not swallowed; everything waiting fails and the owner is told. */
    @Test
    void aWriterThatDiesFailsWhatWaitsAndTellsItsOwner() throws Exception {
        HoldingStore store = new HoldingStore(new SqliteReadStore(dir));
        store.refuse(GroupCommitWriterTest::poison);
        store.hold();
        CompletableFuture<Throwable> died = new CompletableFuture<>();
        try (store; GroupCommitWriter writer = new GroupCommitWriter(store, 100, 1000, 10, lagging -> { }, new ReceiverMetrics())) {
            writer.onDeath(died::complete);
            CompletableFuture<Void> held = writer.submit(List.of(new StoreWrite.Seen("G-warm", 1)));
            awaitHeld(store);
            CompletableFuture<Void> fatal = writer.submit(List.of(new StoreWrite.Seen("FATAL-1", 2)));
            CompletableFuture<Void> behind = writer.submit(List.of(new StoreWrite.Seen("G-2", 2)));
            store.release();
            held.get(5, TimeUnit.SECONDS);
            assertTrue(died.get(5, TimeUnit.SECONDS) instanceof OutOfMemoryError);
            for (CompletableFuture<Void> f : List.of(fatal, behind)) {
                assertTrue(f.isCompletedExceptionally(), "a publish of the dead writer's batch was left waiting");
            }
            CompletableFuture<Void> after = writer.submit(List.of(new StoreWrite.Seen("G-3", 3)));
            assertTrue(after.isCompletedExceptionally(), "a dead writer accepts new writes");
        }
    }
}
