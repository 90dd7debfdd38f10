package org.anpr.edge.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.anpr.edge.capture.Frame;
import org.junit.jupiter.api.Test;

/** Drop-oldest with triggered frames dropped last and taken first. */
class FrameQueueTest {
    private static final byte[] IMAGE = {1};
    private long order;

    private FrameQueue.Entry entry(String camera, long mono, boolean triggered) {
        return new FrameQueue.Entry(Frame.ofEncoded(camera, order, mono / 1000, mono, IMAGE), triggered, order++);
    }

    @Test
    void losslessPutWaitsForRoomInsteadOfDroppingAndGivesUpOnClose() throws Exception {
        FrameQueue q = new FrameQueue(2);
        assertNull(q.put(entry("r", 1, false)));
        assertNull(q.put(entry("r", 2, false)));
        FrameQueue.Entry third = entry("r", 3, false);
        java.util.concurrent.CompletableFuture<FrameQueue.Entry> put = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return q.put(third);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertEquals(false, put.isDone(), "full: the replay waits");
        assertEquals(1L, q.take(1000).frame.monotonicNanos());
        assertNull(put.get(5, java.util.concurrent.TimeUnit.SECONDS), "room made: queued, nothing dropped");
        assertEquals(2, q.size());

        FrameQueue.Entry fourth = entry("r", 4, false);
        java.util.concurrent.CompletableFuture<FrameQueue.Entry> blocked = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return q.put(fourth);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        q.close();
        assertSame(fourth, blocked.get(5, java.util.concurrent.TimeUnit.SECONDS), "closed: handed back to be discarded");
    }

    @Test
    void liveFramesNeverPushOutAFrameOfALosslessReplay() throws Exception {
        FrameQueue q = new FrameQueue(2);
        FrameQueue.Entry replayed = new FrameQueue.Entry(Frame.ofEncoded("r", 0, 0, 0, IMAGE), false, order++, true);
        assertNull(q.put(replayed));
        FrameQueue.Entry live1 = entry("c", 1, false);
        assertNull(q.offer(live1));
        FrameQueue.Entry live2 = entry("c", 2, false);
        assertSame(live1, q.offer(live2), "the oldest live frame goes, not the older replayed one");
        FrameQueue.Entry live3 = entry("c", 3, false);
        assertSame(live2, q.offer(live3));
        assertSame(replayed, q.take(100), "the replayed frame is still there");
    }

    @Test
    void fullQueueDropsTheOldestFreeRunningFrameFirstAndTriggeredLast() throws Exception {
        FrameQueue q = new FrameQueue(3);
        FrameQueue.Entry t1 = entry("c", 1, true);
        FrameQueue.Entry f1 = entry("c", 2, false);
        FrameQueue.Entry f2 = entry("c", 3, false);
        assertNull(q.offer(t1));
        assertNull(q.offer(f1));
        assertNull(q.offer(f2));
        assertSame(f1, q.offer(entry("c", 4, true)), "oldest free-running goes first");
        FrameQueue.Entry t3 = entry("c", 5, true);
        assertSame(f2, q.offer(t3));
        FrameQueue.Entry f3 = entry("c", 6, false);
        assertSame(f3, q.offer(f3), "all queued are triggered: the new free-running frame is the one dropped");
        assertSame(t1, q.offer(entry("c", 7, true)), "only triggered left: the oldest triggered goes");
        assertEquals(3, q.size());
        assertEquals(3, q.maxDepth());
    }

    @Test
    void triggeredFramesAreTakenFirstAndPromotionMovesQueuedFrames() throws Exception {
        FrameQueue q = new FrameQueue(10);
        List<FrameQueue.Entry> free = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            free.add(entry(i % 2 == 0 ? "a" : "b", i * 100, false));
            q.offer(free.get(i));
        }
        FrameQueue.Entry t = entry("a", 500, true);
        q.offer(t);
        assertSame(t, q.take(0));
        assertEquals(1, q.promote("a", 150), "frame a@200 is inside the new window, a@0 is not");
        assertSame(free.get(2), q.take(0));
        assertSame(free.get(0), q.take(0));
        assertSame(free.get(1), q.take(0));
        assertSame(free.get(3), q.take(0));
        assertNull(q.take(0));
    }

    @Test
    void closeHandsBackWhatIsQueuedAndRefusesMore() throws Exception {
        FrameQueue q = new FrameQueue(4);
        q.offer(entry("c", 1, false));
        q.offer(entry("c", 2, true));
        assertEquals(2, q.close().size());
        FrameQueue.Entry late = entry("c", 3, false);
        assertSame(late, q.offer(late));
        assertNull(q.take(1000), "closed and empty: no wait");
    }
}
