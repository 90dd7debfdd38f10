package org.anpr.ocr.eval;

import java.io.PrintStream;

/** One-line progress bar on a terminal stream, redrawn in place with a carriage return. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;
    private final long started = System.nanoTime();

    ProgressBar(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    synchronized void update(int done) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double secs = (System.nanoTime() - started) / 1e9;
        err.printf("\r[%s%s] %d/%d images  %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, secs);
        err.flush();
    }

    synchronized void finish() {
        err.println();
    }
}
