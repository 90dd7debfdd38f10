package org.anpr.central.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The HTTP workers' lower priority applies to the calling thread only (Linux keeps nice values per thread). */
@EnabledOnOs(OS.LINUX)
class WorkerPriorityTest {
    @Test
    void lowersTheCallingThreadAndNoOther() throws Exception {
        int before = niceOf(Path.of("/proc/thread-self/stat"));
        AtomicInteger after = new AtomicInteger(Integer.MIN_VALUE);
        AtomicReference<Boolean> applied = new AtomicReference<>();
        Thread t = new Thread(() -> {
            applied.set(WorkerPriority.lowerCurrentThread(7));
            try {
                after.set(niceOf(Path.of("/proc/thread-self/stat")));
            } catch (Exception e) {
                after.set(Integer.MAX_VALUE);
            }
        });
        t.start();
        t.join(10_000);
        assertTrue(applied.get(), "setpriority applied");
        assertEquals(Math.max(before, 7), after.get(), "the worker thread's nice value");
        assertEquals(before, niceOf(Path.of("/proc/thread-self/stat")), "the caller's thread is untouched");
    }

    @Test
    void zeroLeavesThePriorityAlone() {
        assertEquals(false, WorkerPriority.lowerCurrentThread(0));
    }

    /** Field 19 of {@code stat}, counted after the command name (which may hold spaces and parentheses). */
    private static int niceOf(Path stat) throws Exception {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[19 - 3]);
    }
}
