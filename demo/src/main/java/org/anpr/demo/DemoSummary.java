package org.anpr.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.anpr.demo.ledger.CommitLog.Committed;
import org.anpr.demo.ledger.DemoTally;
import org.anpr.demo.ledger.LiveStream;
import org.anpr.demo.network.DemoGantry;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.protocol.v1.SectionViolation;

/** What the demo prints: the live summary line while it runs, and the final table. */
final class DemoSummary {
    private final MotorwayDemo demo;
    private long lastReads;
    private long lastNanos = System.nanoTime();

    DemoSummary(MotorwayDemo demo) {
        this.demo = demo;
    }

    /** One line: reads per second since the previous line, alerts, violations, drops, backlog. */
    String liveLine(long elapsedSeconds) {
        long reads = demo.log().readCount();
        long now = System.nanoTime();
        double perSecond = (reads - lastReads) / Math.max(1e-3, (now - lastNanos) / 1e9);
        lastReads = reads;
        lastNanos = now;
        LiveStream live = demo.live();
        long alerts = live != null ? live.alertedReads() : alertsInStore();
        List<SectionViolation> violations = demo.log().violations();
        return String.format(Locale.ROOT, "%3d:%02d  reads %5d (%4.1f/s)  alerts %3d  violations %3d  on the section %3d  "
                        + "dropped frames %4d  backlog %3d", elapsedSeconds / 60, elapsedSeconds % 60, reads, perSecond, alerts,
                violations.stream().filter(DemoTally::enforceable).count(), demo.traffic().underway(), demo.framesDropped(),
                demo.backlog());
    }

    private long alertsInStore() {
        try {
            return demo.centre().receiver().store().countAlerts(org.anpr.central.store.StoreWrite.AlertSource.EDGE)
                    + demo.centre().receiver().store().countAlerts(org.anpr.central.store.StoreWrite.AlertSource.CENTRAL);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The table printed at the end. */
    void printFinal(PrintStream out, DemoTally tally, double seconds) {
        out.println();
        out.printf(Locale.ROOT, "  %-14s %9s %6s %6s %7s %8s %8s%n", "gantry", "vehicles", "read", "exact", "alerts", "dropped", "missed");
        for (DemoGantry g : demo.gantries()) {
            List<DemoTally.Matched> mine = tally.matched().stream().filter(m -> m.sighting().gantryId().equals(g.id())).toList();
            long read = mine.stream().filter(m -> m.read() != null).count();
            long exact = mine.stream().filter(DemoTally.Matched::exact).count();
            long alerts = mine.stream().filter(m -> m.read() != null && !tally.alertsOf(m.read().read()).isEmpty()).count();
            out.printf(Locale.ROOT, "  %-14s %9d %6d %6d %7s %8d %8d%n", g.id(), mine.size(), read, exact,
                    demo.live() != null ? Long.toString(alerts) : "-", g.framesDropped(), g.missed());
        }
        SectionDefinition s = demo.network().section();
        List<DemoTally.SectionTrip> trips = tally.trips();
        long speeders = trips.stream().filter(t -> t.vehicle().fasterThan(s.speedLimitKmh())).count();
        long violations = trips.stream().mapToLong(t -> t.violations().size()).sum();
        long enforceable = trips.stream().flatMap(t -> t.violations().stream()).filter(DemoTally::enforceable).count();
        out.printf(Locale.ROOT, "%n  section %s (%.1f m, %.0f km/h): %d vehicles drove it, %d of them speeding; %d violations"
                        + " (%d enforceable)%s; %d still on it%n", s.id(), s.distanceM(), s.speedLimitKmh(), trips.size(), speeders,
                violations, enforceable, tally.strayViolations().isEmpty() ? "" : ", " + tally.strayViolations().size() + " unmatched",
                demo.leftOnSection() >= 0 ? demo.leftOnSection() : demo.traffic().underway());
        trips.stream().filter(t -> !t.violations().isEmpty()).limit(5).forEach(t -> {
            SectionViolation v = t.violations().get(0);
            out.printf(Locale.ROOT, "    %-10s drove %.1f km/h: measured %.1f, enforced %.1f km/h (%s)%n", t.entry().plate(), t.shownKmh(),
                    v.getMeasuredSpeedKmh(), v.getEnforcedSpeedKmh(), DemoTally.enforceable(v) ? "violation" : v.getNotEnforceableReason());
        });
        List<Long> commit = demo.log().reads().stream().map(Committed::latencyMicros).toList();
        out.printf(Locale.ROOT, "%n  capture -> centre commit   p50 %s  p99 %s  (%d reads)%n",
                ms(DemoTally.percentile(commit, 50)), ms(DemoTally.percentile(commit, 99)), commit.size());
        if (demo.live() != null) {
            List<Long> alert = alertLatencies(tally);
            out.printf(Locale.ROOT, "  capture -> live alert      p50 %s  p99 %s  (%d reads alerted on the operators' stream)%n",
                    ms(DemoTally.percentile(alert, 50)), ms(DemoTally.percentile(alert, 99)), alert.size());
        }
        long wanted = tally.matched().stream().filter(m -> m.sighting().vehicle().wanted()).count();
        long foreign = tally.matched().stream().filter(m -> !m.sighting().country().equals("BE")).count();
        long night = tally.matched().stream().filter(m -> m.sighting().vehicle().scene().look() == org.anpr.ocr.synth.Look.IR_NIGHT).count();
        out.printf(Locale.ROOT, "  traffic                    %d vehicles, %d passages: %d by wanted vehicles, %d of foreign plates, %d at night%n",
                demo.traffic().vehicles().size(), tally.matched().size(), wanted, foreign, night);
        out.printf(Locale.ROOT, "  spurious reads             %d (reads at the centre matching no vehicle shown)%n", tally.unmatched().size());
        out.printf(Locale.ROOT, "  outboxes                   %s%n", demo.backlog() == 0 ? "empty: every read acknowledged after the centre's commit"
                : demo.backlog() + " messages not yet acknowledged");
        out.printf(Locale.ROOT, "  done in                    %.0f s%n", seconds);
        out.printf(Locale.ROOT, "  this process               %s%n", resources(seconds));
    }

    /** CPU time over the run's wall time, and the peak resident memory (Linux). */
    static String resources(double seconds) {
        String cpu = "";
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double cpuSeconds = os.getProcessCpuTime() / 1e9;
            cpu = String.format(Locale.ROOT, "CPU %.0f s in %.0f s = %.2f of %d cores on average; ", cpuSeconds, seconds,
                    seconds > 0 ? cpuSeconds / seconds : 0, Runtime.getRuntime().availableProcessors());
        }
        String peak = "peak memory unknown";
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = "peak resident memory " + Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MiB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: leave it unknown
        }
        return cpu + peak + String.format(Locale.ROOT, " (heap in use %d MiB)",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    /** Capture → first alert event on the operators' stream, microseconds, of each read that raised one. */
    static List<Long> alertLatencies(DemoTally tally) {
        List<Long> out = new java.util.ArrayList<>();
        for (DemoTally.Matched m : tally.matched()) {
            if (m.read() != null) {
                tally.firstAlert(m.read().read()).ifPresent(e -> out.add(e.arrivedMicros() - m.read().read().getCaptureTime().getEpochMicros()));
            }
        }
        return out;
    }

    private static String ms(double micros) {
        return Double.isNaN(micros) ? "   -   " : String.format(Locale.ROOT, "%5.0f ms", micros / 1000);
    }
}
