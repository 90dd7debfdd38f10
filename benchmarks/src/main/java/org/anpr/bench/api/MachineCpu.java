package org.anpr.bench.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU counters at one instant: the machine's ({@code /proc/stat}: all ticks, busy ticks, I/O-wait
 * ticks; zeros where there is no such file) and this process's CPU time.
 */
record MachineCpu(long ticks, long busyTicks, long ioWaitTicks, long processNanos) {
    static MachineCpu now() {
        long total = 0;
        long busy = 0;
        long iowait = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]);
            iowait = Long.parseLong(f[5]);
            busy = total - idle - iowait;
        } catch (IOException | RuntimeException e) {
            // not Linux: no machine figures
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new MachineCpu(total, busy, iowait, process);
    }

    /** Cores busy, cores in I/O wait and cores used by this process between {@code this} and {@code later}. */
    String describeUntil(MachineCpu later, double seconds) {
        double cores = Runtime.getRuntime().availableProcessors();
        double ticksBetween = Math.max(1, later.ticks - ticks);
        return String.format("Machine CPU busy %.2f of %.0f cores, I/O wait %.2f; this process (receiver, search clients) %.2f cores",
                (later.busyTicks - busyTicks) / ticksBetween * cores, cores, (later.ioWaitTicks - ioWaitTicks) / ticksBetween * cores,
                (later.processNanos - processNanos) / 1e9 / seconds);
    }
}
