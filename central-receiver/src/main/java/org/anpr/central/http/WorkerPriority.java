package org.anpr.central.http;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling thread (its nice value) so that the operators'
 * searches take the CPU the MQTT ingest leaves over, never the other way round. On a two-core
 * centre a few clients searching back to back otherwise take as much CPU as the group-commit
 * writer and the MQTT loops, and PUBACKs wait for the scheduler (measured: publish->PUBACK p99
 * 30 ms without searches, 400-800 ms with 20 clients searching back to back at normal priority).
 *
 * <p>Linux keeps a nice value per thread, and any process may raise its own threads' nice values
 * (lower their priority) without privileges; Java's {@link Thread#setPriority} does nothing there
 * without root. Elsewhere, or when the C library cannot be reached, the thread keeps its
 * priority and a warning says so once.
 */
final class WorkerPriority {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static volatile boolean warned;

    private WorkerPriority() {
    }

    /** The C library's {@code setpriority(2)}. */
    interface CLibrary extends Library {
        int setpriority(int which, int who, int prio);
    }

    private static final class Holder {
        static final CLibrary C = load();

        private static CLibrary load() {
            try {
                return Platform.isLinux() ? Native.load("c", CLibrary.class) : null;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0 normal .. 19 lowest).
     *
     * @return whether it was applied
     */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        CLibrary c = Holder.C;
        // Linux: PRIO_PROCESS with who = 0 is the calling thread, not the whole process.
        if (c != null && c.setpriority(PRIO_PROCESS, 0, Math.min(19, nice)) == 0) {
            return true;
        }
        if (!warned) {
            warned = true;
            LOG.warn("cannot lower the priority of the HTTP worker threads on this system ({}): searches compete with MQTT "
                    + "ingest for the CPU at equal priority", c == null ? "no setpriority" : "setpriority failed: errno " + Native.getLastError());
        }
        return false;
    }
}
